/**
 * `user_preferences` stop/resume → the tenant's marketing suppression list, in the order the
 * user acted, not the order Meta delivered (which is not guaranteed):
 * - stop suppresses, unless a resume at least as recent is already on record (stale stop);
 * - resume lifts the user_preferences suppression it follows (liftedAt = the resume's time),
 *   unless that suppression is newer (stale resume); with nothing to lift it leaves a lifted
 *   row, so a stop from before it that arrives later is recognised as stale.
 * Ties (same second) resolve toward suppression: not messaging someone is the safe side.
 * Suppressions from other sources (manual, keyword, 131050) are never lifted by Meta's resume.
 * @see /work/shared/meta/README.md §2.5, §2.8
 */
export interface SuppressionRow {
  id: string;
  source: string;
  occurredAt: Date;
  liftedAt: Date | null;
}

export type PreferenceDecision =
  | { action: 'suppress' }
  | { action: 'lift'; ids: string[] }
  | { action: 'mark_resumed'; note: string }
  | { action: 'none'; reason: string };

const iso = (date: Date) => date.toISOString();
const latest = (dates: Date[]) => (dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime()))));

export function decidePreference(choice: 'stop' | 'resume', at: Date, rows: SuppressionRow[]): PreferenceDecision {
  const active = rows.filter((r) => r.liftedAt === null);
  const ours = rows.filter((r) => r.source === 'user_preferences');
  if (choice === 'stop') {
    if (active.length > 0) return { action: 'none', reason: `already suppressed since ${iso(active[0]!.occurredAt)} (${active[0]!.source})` };
    const resumedAt = latest(ours.flatMap((r) => (r.liftedAt ? [r.liftedAt] : [])));
    if (resumedAt && resumedAt.getTime() > at.getTime()) {
      return { action: 'none', reason: `stale stop from ${iso(at)}: the user resumed at ${iso(resumedAt)}` };
    }
    return { action: 'suppress' };
  }
  const activeOurs = active.filter((r) => r.source === 'user_preferences');
  const newer = activeOurs.filter((r) => r.occurredAt.getTime() >= at.getTime());
  if (newer.length > 0) return { action: 'none', reason: `stale resume from ${iso(at)}: the user stopped at ${iso(newer[0]!.occurredAt)}` };
  if (activeOurs.length > 0) return { action: 'lift', ids: activeOurs.map((r) => r.id) };
  const resumedAt = latest(ours.flatMap((r) => (r.liftedAt ? [r.liftedAt] : [])));
  if (resumedAt && resumedAt.getTime() >= at.getTime()) return { action: 'none', reason: `a resume at ${iso(resumedAt)} is already on record` };
  // Nothing of ours to lift (another source's suppression stays): remember the resume for ordering.
  const kept = active[0] ? `; the ${active[0].source} suppression stays` : '';
  return { action: 'mark_resumed', note: `no stop on record to lift${kept}` };
}

/** wa_id digits → E.164 with `+`; undefined when it is not a phone number. */
export function e164Of(waId: string | undefined): string | undefined {
  if (!waId) return undefined;
  const digits = waId.replace(/^\+/, '');
  return /^[1-9]\d{5,14}$/.test(digits) ? `+${digits}` : undefined;
}
