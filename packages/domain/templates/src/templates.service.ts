/**
 * Templates in dbulk, read side: the list with per-status counts, the detail with history and
 * the actions possible now, and the pure checks the builder calls on every keystroke. Scoped by
 * the tenant. Writes: templates-drafts, templates-submit, templates-lifecycle, templates-import.
 */
import { raw, Template, type EntityManager, type TemplateCategory, type TemplateStatus } from '@dbulk/db';
import { accountById } from '@dbulk/domain-whatsapp';
import { validateTemplate } from './template-rules';
import { renderPreview, type PreviewValues } from './template-preview';
import { variablesOf } from './template-variables';
import { DRAFT_EDITABLE, isOneOf, META_EDITABLE, RESUBMITTABLE, UNDELETABLE } from './template-status';
import type { TemplateContent } from './template.types';
import {
  contentOf,
  toDetailDto,
  toSummaryDto,
  type TemplateDetailDto,
  type TemplateSummaryDto,
} from './templates.dto';
import { approvedEditBlock, nameBlockedUntil, ownTemplate, versionsOf } from './templates.repository';

export interface TemplateListQuery {
  status?: TemplateStatus[];
  category?: TemplateCategory;
  search?: string;
  accountId?: string;
  limit: number;
  offset: number;
}

export interface TemplateList {
  items: TemplateSummaryDto[];
  total: number;
  /** Per status, for the filter tabs: same account/search/category filters, any status. */
  counts: Partial<Record<TemplateStatus, number>>;
}

export async function listTemplates(
  em: EntityManager,
  tenantId: string,
  query: TemplateListQuery,
): Promise<TemplateList> {
  // An account filter names a resource: another tenant's account is not found, not an empty list.
  if (query.accountId) await accountById(em, tenantId, query.accountId);
  const base: Record<string, unknown> = { tenant: tenantId };
  if (query.accountId) base.account = query.accountId;
  if (query.category) base.category = query.category;
  if (query.search?.trim())
    base.name = {
      $ilike: `%${query.search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, '\\$&')}%`,
    };
  const where: Record<string, unknown> = {
    ...base,
    status: query.status?.length ? { $in: query.status } : { $ne: 'DELETED' },
  };
  const [rows, total] = await em.findAndCount(Template, where, {
    orderBy: { updatedAt: 'desc', id: 'asc' },
    limit: query.limit,
    offset: query.offset,
  });
  const grouped = await em
    .createQueryBuilder(Template)
    .select(['status', raw('count(*)::int as count')])
    .where(base)
    .groupBy('status')
    .execute<{ status: TemplateStatus; count: number }[]>();
  return {
    items: rows.map(toSummaryDto),
    total,
    counts: Object.fromEntries(grouped.map((g) => [g.status, Number(g.count)])),
  };
}

export async function templateDetail(em: EntityManager, row: Template): Promise<TemplateDetailDto> {
  const versions = await versionsOf(em, row.id);
  const { unsupported } = contentOf(row);
  const editBlock = row.status === 'APPROVED' ? approvedEditBlock(versions) : null;
  const submitted = row.metaTemplateId !== null && row.metaTemplateId !== undefined;
  const actions = {
    canUpdateDraft:
      isOneOf(row.status, DRAFT_EDITABLE) && (row.status === 'DRAFT' || unsupported.length === 0),
    canSubmit:
      isOneOf(row.status, RESUBMITTABLE) && (row.status === 'DRAFT' || submitted) && unsupported.length === 0,
    canEdit:
      isOneOf(row.status, META_EDITABLE) && submitted && unsupported.length === 0 && editBlock === null,
    canRefresh: submitted && row.status !== 'DELETED',
    canDelete: !isOneOf(row.status, UNDELETABLE),
    nextEditAt: editBlock?.next.toISOString() ?? null,
  };
  return toDetailDto(row, versions, { actions, nameReusableAt: nameBlockedUntil(row.status, versions) });
}

export async function templateById(
  em: EntityManager,
  tenantId: string,
  id: string,
): Promise<TemplateDetailDto> {
  return templateDetail(em, await ownTemplate(em, tenantId, id));
}

/** The builder's live feedback: Meta's problems, the variables to map and the rendered message. */
export function checkTemplate(content: TemplateContent, values: PreviewValues = {}) {
  const problems = validateTemplate(content);
  return {
    ok: problems.length === 0,
    problems,
    variables: variablesOf(content),
    preview: renderPreview(content, values),
  };
}

export async function previewTemplate(
  em: EntityManager,
  tenantId: string,
  source: { templateId?: string; template?: TemplateContent },
  values: PreviewValues = {},
) {
  const content = source.templateId
    ? contentOf(await ownTemplate(em, tenantId, source.templateId))
    : source.template!;
  return renderPreview(content, values);
}
