/**
 * Imports the templates that already exist on an account's WABA (made in WhatsApp Manager, by
 * another tool, or by dbulk before a lost write): every page of `message_templates`, upserted
 * by name + language. Meta is the source of truth for what it holds, so Meta's content wins.
 */
import { Template, type EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { TenantActor } from '@dbulk/domain-tenancy';
import { accountCredentials } from '@dbulk/domain-whatsapp';
import type { Template as MetaTemplate } from '@dbulk/meta';
import { rethrowTemplateMetaError } from './meta-errors';
import { metaCategory, metaReason, metaStatus } from './template-status';
import type { TemplateDeps } from './template-credentials';
import { addVersion, EVENTS } from './templates.repository';

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Templates Meta listed that dbulk cannot store (no name or language, unknown category). */
  skipped: number;
}

function columnsOf(meta: MetaTemplate) {
  const category = metaCategory(meta.category);
  if (!meta.name || !meta.language || !category) return null;
  return {
    name: meta.name,
    language: meta.language,
    category,
    parameterFormat:
      meta.parameter_format?.toUpperCase() === 'NAMED' ? ('NAMED' as const) : ('POSITIONAL' as const),
    components: (meta.components ?? []) as Record<string, unknown>[],
    status: metaStatus(meta.status),
    metaTemplateId: meta.id,
    qualityScore: meta.quality_score?.score ?? null,
    rejectionReason: metaReason(meta.rejected_reason),
  };
}

export async function importTemplates(
  em: EntityManager,
  deps: TemplateDeps,
  actor: TenantActor,
  accountId: string,
): Promise<ImportResult> {
  const { account, token } = await accountCredentials(em, deps.keyring, actor.tenantId, accountId);
  const listed: MetaTemplate[] = [];
  try {
    for await (const page of deps.graph.templatePages(account.wabaId, token, { limit: 100 }))
      listed.push(...page.data);
  } catch (err) {
    rethrowTemplateMetaError(err, 'list', `templates of WABA ${account.wabaId}`);
  }
  return em.transactional(async (tx) => {
    const result: ImportResult = { total: listed.length, created: 0, updated: 0, unchanged: 0, skipped: 0 };
    const rows = await tx.find(Template, { tenant: actor.tenantId, wabaId: account.wabaId });
    const byKey = new Map(rows.map((row) => [`${row.name}\u0000${row.language}`, row]));
    const now = new Date();
    for (const meta of listed) {
      const columns = columnsOf(meta);
      if (!columns) {
        result.skipped++;
        continue;
      }
      const existing = byKey.get(`${columns.name}\u0000${columns.language}`);
      if (!existing) {
        const row = tx.create(Template, {
          tenant: actor.tenantId,
          account: accountId,
          wabaId: account.wabaId,
          ...columns,
          status: columns.status ?? 'PENDING',
          requestedCategory: null,
          version: 1,
          statusChangedAt: now,
          lastSyncedAt: now,
        });
        addVersion(tx, row, EVENTS.imported, actor, {
          reason: 'imported from WhatsApp Manager',
          withComponents: true,
        });
        result.created++;
        continue;
      }
      const contentChanged =
        JSON.stringify(existing.components) !== JSON.stringify(columns.components) ||
        existing.parameterFormat !== columns.parameterFormat;
      const status = columns.status ?? existing.status;
      const changed =
        contentChanged ||
        status !== existing.status ||
        columns.category !== existing.category ||
        columns.metaTemplateId !== existing.metaTemplateId ||
        columns.qualityScore !== (existing.qualityScore ?? null) ||
        columns.rejectionReason !== (existing.rejectionReason ?? null);
      if (!changed) {
        tx.assign(existing, { lastSyncedAt: now });
        result.unchanged++;
        continue;
      }
      const statusChanged = status !== existing.status;
      tx.assign(existing, {
        ...columns,
        status,
        account: existing.account ?? accountId,
        version: existing.version + (contentChanged ? 1 : 0),
        lastSyncedAt: now,
        ...(statusChanged ? { statusChangedAt: now } : {}),
      });
      addVersion(tx, existing, EVENTS.imported, actor, {
        reason: 'updated from WhatsApp Manager',
        withComponents: contentChanged,
      });
      result.updated++;
    }
    await tx.flush();
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: 'template.imported',
      targetType: 'whatsapp_account',
      targetId: accountId,
      changes: { after: { ...result } },
    });
    return result;
  });
}
