/**
 * A template Meta pauses, disables or recategorises stops the campaigns that use it: RUNNING and
 * SCHEDULED campaigns become PAUSED with a stable `status_code` and a reason the tenant reads,
 * in the webhook's transaction. The processor then produces a `dbulk.control` campaign pause so
 * senders stop within a second (their status cache would catch it anyway).
 * @see /work/shared/meta/README.md §5 (template pausing), §2.6
 */
import type { EntityManager, TemplateStatus } from '@dbulk/db';
import { COUNTED_JSON, snapshotOf, type CountedRow, type TenantProgress } from '@dbulk/domain-campaigns';
import { recordAudit } from '@dbulk/domain-platform';
import { META_ACTOR } from './apply-account';

export type TemplatePauseCode = 'TEMPLATE_PAUSED' | 'TEMPLATE_DISABLED' | 'TEMPLATE_RECATEGORISED';

/** Template statuses that make sending impossible, and the code their campaigns pause with. */
export function pauseCodeOf(status: TemplateStatus): TemplatePauseCode | null {
  if (status === 'PAUSED') return 'TEMPLATE_PAUSED';
  if (status === 'DISABLED' || status === 'DELETED' || status === 'PENDING_DELETION' || status === 'ARCHIVED') return 'TEMPLATE_DISABLED';
  return null;
}

export function pauseReason(code: TemplatePauseCode, template: { name: string; language: string }, detail: string | null): string {
  const name = `${template.name} (${template.language})`;
  const why = detail ? ` (${detail})` : '';
  switch (code) {
    case 'TEMPLATE_PAUSED':
      return `Paused: Meta paused template ${name} for low quality${why}. Resume once Meta unpauses it.`;
    case 'TEMPLATE_DISABLED':
      return `Paused: Meta disabled template ${name}${why}. Create a new template to continue.`;
    case 'TEMPLATE_RECATEGORISED':
      return `Paused: Meta recategorised template ${name}${why}; its price and who can receive it changed. Review and resume.`;
  }
}

/** Pauses the template's RUNNING and SCHEDULED campaigns; returns their progress snapshots. */
export async function pauseCampaignsOfTemplate(
  em: EntityManager,
  template: { id: string; tenantId: string },
  code: TemplatePauseCode,
  reason: string,
): Promise<TenantProgress[]> {
  const rows = await em.execute<{ row: CountedRow; before: string }[]>(
    `with old as (select id, status from campaigns where template_id = ? and tenant_id = ? and status in ('RUNNING', 'SCHEDULED') order by id for update),
     k as (update campaigns c set status = 'PAUSED', status_code = ?, status_reason = ?, updated_at = now() from old where c.id = old.id
           returning c.*, old.status as before)
     select ${COUNTED_JSON.replaceAll('x.', 'k.')} as row, k.before from k`,
    [template.id, template.tenantId, code, reason],
  );
  for (const { row, before } of rows) {
    await recordAudit(em, META_ACTOR, {
      tenantId: template.tenantId,
      action: 'campaign.paused',
      targetType: 'campaign',
      targetId: row.id,
      changes: { before: { status: before }, after: { status: 'PAUSED', statusCode: code, statusReason: reason } },
    });
  }
  return rows.map((r) => snapshotOf(r.row));
}
