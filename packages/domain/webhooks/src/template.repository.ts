/**
 * Templates found by Meta's template id within the tenants a webhook routed to, updated with
 * a `template_versions` row per event (the history the template page shows).
 */
import type { EntityManager, TemplateCategory, TemplateStatus } from '@dbulk/db';

export interface TemplateRow {
  id: string;
  tenantId: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: TemplateCategory;
  rejectionReason: string | null;
  version: number;
  statusChangedAt: Date | null;
}

/** Locks the rows until the transaction ends, so two events for one template apply one after the other. */
export async function findTemplatesByMetaId(em: EntityManager, metaTemplateId: string, tenantIds: string[]): Promise<TemplateRow[]> {
  const rows = await em.execute<
    { id: string; tenant_id: string; name: string; language: string; status: TemplateStatus; category: TemplateCategory; rejection_reason: string | null; version: number; status_changed_at: Date | string | null }[]
  >(
    `select id, tenant_id, name, language, status, category, rejection_reason, version, status_changed_at from templates
     where meta_template_id = ? and tenant_id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
     order by id for update`,
    [metaTemplateId, JSON.stringify(tenantIds)],
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    language: r.language,
    status: r.status,
    category: r.category,
    rejectionReason: r.rejection_reason,
    version: r.version,
    statusChangedAt: r.status_changed_at === null ? null : new Date(r.status_changed_at),
  }));
}

export interface TemplateUpdate {
  status?: TemplateStatus;
  /** undefined: keep; null: clear. */
  rejectionReason?: string | null;
  category?: TemplateCategory;
  qualityScore?: string;
  statusChangedAt?: Date;
}

export async function updateTemplate(em: EntityManager, id: string, update: TemplateUpdate): Promise<void> {
  await em.execute(
    `update templates set
       status = coalesce(?, status),
       rejection_reason = case when ? then ? else rejection_reason end,
       category = coalesce(?, category),
       quality_score = coalesce(?, quality_score),
       status_changed_at = coalesce(?::timestamptz, status_changed_at),
       last_synced_at = now(), updated_at = now()
     where id = ?`,
    [
      update.status ?? null,
      update.rejectionReason !== undefined,
      update.rejectionReason ?? null,
      update.category ?? null,
      update.qualityScore?.slice(0, 16) ?? null,
      update.statusChangedAt?.toISOString() ?? null,
      id,
    ],
    'run',
  );
}

export interface TemplateVersionRow {
  tenantId: string;
  templateId: string;
  version: number;
  event: string;
  status: TemplateStatus;
  category: TemplateCategory;
  reason: string | null;
}

export async function addTemplateVersion(em: EntityManager, row: TemplateVersionRow): Promise<void> {
  await em.execute(
    `insert into template_versions (tenant_id, template_id, version, event, status, category, components, reason, actor_user_id, created_at)
     values (?, ?, ?, ?, ?, ?, null, ?, null, now())`,
    [row.tenantId, row.templateId, row.version, row.event.slice(0, 40), row.status, row.category, row.reason],
    'run',
  );
}
