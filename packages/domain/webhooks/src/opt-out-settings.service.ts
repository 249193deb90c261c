/**
 * The tenant's opt-out keywords (tenants.opt_out_keywords): what the settings page shows and
 * saves. `null` means dbulk's multilingual defaults; a saved list replaces them (STOP is honoured
 * whatever the list, see opt-out-keywords.ts). Every change leaves an audit row.
 */
import type { EntityManager } from '@dbulk/db';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';
import { AppError } from '@dbulk/errors';
import { cleanKeywords, DEFAULT_OPT_OUT_KEYWORDS, MARKETING_OPT_OUT_BUTTONS, OPT_IN_KEYWORDS } from './opt-out-keywords';

export const MAX_KEYWORDS = 50;
export const MAX_KEYWORD_LENGTH = 40;

export interface OptOutSettingsDto {
  /** The keywords in force. */
  keywords: string[];
  /** True when the tenant saved its own list; false: the defaults apply. */
  custom: boolean;
  defaults: string[];
  /** Always honoured, whatever the list. */
  alwaysHonoured: string[];
  optInKeywords: string[];
  marketingButtons: string[];
}

export async function getOptOutSettings(em: EntityManager, tenantId: string): Promise<OptOutSettingsDto> {
  const [row] = await em.execute<{ opt_out_keywords: string[] | null }[]>(`select opt_out_keywords from tenants where id = ?`, [tenantId]);
  const saved = row?.opt_out_keywords ?? null;
  return {
    keywords: saved ?? [...DEFAULT_OPT_OUT_KEYWORDS],
    custom: saved !== null,
    defaults: [...DEFAULT_OPT_OUT_KEYWORDS],
    alwaysHonoured: ['STOP'],
    optInKeywords: [...OPT_IN_KEYWORDS],
    marketingButtons: [...MARKETING_OPT_OUT_BUTTONS],
  };
}

/** Saves the tenant's list (`null` restores the defaults). */
export async function setOptOutKeywords(em: EntityManager, actor: AuditActor & { tenantId: string }, keywords: string[] | null): Promise<OptOutSettingsDto> {
  const cleaned = keywords === null ? null : cleanKeywords(keywords);
  if (cleaned !== null) {
    if (cleaned.length === 0) throw new AppError('OPT_OUT_KEYWORDS_EMPTY', 'invalid', 'give at least one opt-out keyword, or restore the defaults');
    if (cleaned.length > MAX_KEYWORDS) throw new AppError('OPT_OUT_KEYWORDS_TOO_MANY', 'invalid', `at most ${MAX_KEYWORDS} opt-out keywords (got ${cleaned.length})`);
    const long = cleaned.find((k) => k.length > MAX_KEYWORD_LENGTH);
    if (long) throw new AppError('OPT_OUT_KEYWORD_TOO_LONG', 'invalid', `opt-out keyword "${long.slice(0, 50)}…" is longer than ${MAX_KEYWORD_LENGTH} characters`);
  }
  const before = await getOptOutSettings(em, actor.tenantId);
  await em.execute(`update tenants set opt_out_keywords = ?::jsonb, updated_at = now() where id = ?`, [cleaned === null ? null : JSON.stringify(cleaned), actor.tenantId], 'run');
  await recordAudit(em, actor, {
    tenantId: actor.tenantId,
    action: 'tenant.opt_out_keywords.updated',
    targetType: 'tenant',
    targetId: actor.tenantId,
    changes: { before: { keywords: before.custom ? before.keywords : null }, after: { keywords: cleaned } },
  });
  return getOptOutSettings(em, actor.tenantId);
}
