/**
 * Typed opt-outs: Meta does not parse "STOP" (README §2.5), so dbulk does. A message opts out
 * when its whole text, trimmed, is one of the tenant's keywords — compared without case,
 * accents or surrounding punctuation ("Stop!", "arrêt", "ARRET" all match) — or a quick-reply
 * button's payload or label is one.
 *
 * Decisions:
 * - `tenants.opt_out_keywords` null → DEFAULT_OPT_OUT_KEYWORDS (several languages). A tenant's
 *   own list replaces the defaults, but STOP is always honoured: it is what users type
 *   everywhere, and not messaging someone is the safe side.
 * - A keyword opt-out covers all messages (scope 'all'); Meta's marketing opt-out button
 *   ("Stop promotions") covers marketing only.
 * - START / UNSTOP opt back in: they lift the user's keyword suppressions (not manual ones, not
 *   Meta's user_preferences, not 131050), because the user typed both.
 */
export const DEFAULT_OPT_OUT_KEYWORDS: readonly string[] = [
  'STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPT OUT', 'OPTOUT', 'OPT-OUT', 'REVOKE',
  // es / pt
  'PARAR', 'BAJA', 'ALTO', 'CANCELAR', 'SAIR', 'DESCADASTRAR',
  // fr / de / it / nl
  'ARRÊT', 'ARRETER', 'DÉSABONNER', 'DÉSINSCRIRE', 'STOPP', 'ABMELDEN', 'ANNULLA', 'DISISCRIVIMI', 'AFMELDEN',
  // zh / ar / ru / tr / hi
  '退订', '取消订阅', 'إلغاء', 'إيقاف', 'СТОП', 'ОТПИСАТЬСЯ', 'DUR', 'रोकें',
];

export const OPT_IN_KEYWORDS: readonly string[] = ['START', 'UNSTOP'];

/** Labels of Meta's marketing opt-out quick-reply button. */
export const MARKETING_OPT_OUT_BUTTONS: readonly string[] = ['STOP PROMOTIONS'];

/** Upper case, accents and marks removed, whitespace collapsed, punctuation at the ends dropped. */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/\s+/gu, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

export type OptOutDecision = { action: 'opt_out'; scope: 'all' | 'marketing'; keyword: string } | { action: 'opt_in'; keyword: string } | null;

/** The tenant's effective keyword set (normalised). */
export function keywordSet(tenantKeywords: readonly string[] | null | undefined): Set<string> {
  const list = tenantKeywords ?? DEFAULT_OPT_OUT_KEYWORDS;
  return new Set([...list, 'STOP'].map(normalizeKeyword).filter((k) => k.length > 0));
}

/** What one text (a message body, a button payload or label) asks for, given the tenant's keywords. */
export function decideOptOut(texts: (string | undefined | null)[], keywords: Set<string>): OptOutDecision {
  const candidates = texts.filter((t): t is string => typeof t === 'string').map(normalizeKeyword).filter(Boolean);
  for (const text of candidates) if (keywords.has(text)) return { action: 'opt_out', scope: 'all', keyword: text };
  const marketing = new Set(MARKETING_OPT_OUT_BUTTONS.map(normalizeKeyword));
  for (const text of candidates) if (marketing.has(text)) return { action: 'opt_out', scope: 'marketing', keyword: text };
  const optIn = new Set(OPT_IN_KEYWORDS.map(normalizeKeyword));
  for (const text of candidates) if (optIn.has(text)) return { action: 'opt_in', keyword: text };
  return null;
}

/** Validates and normalises a tenant's list for storage: distinct, non-empty, at most 50 of ≤ 40 chars. */
export function cleanKeywords(keywords: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of keywords) {
    const trimmed = raw.trim().replace(/\s+/gu, ' ');
    const key = normalizeKeyword(trimmed);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}
