/**
 * What the api returns about templates: plain objects, never entities. The detail carries what
 * the builder and the detail page need in one call: the components in the builder's shape, the
 * variables a campaign maps, the problems Meta would find, the version history and which
 * actions are possible now (with the reason when not).
 */
import type { Template, TemplateCategory, TemplateStatus, TemplateVersion } from '@dbulk/db';
import { fromMetaComponents } from './meta-components';
import { validateTemplate } from './template-rules';
import { variablesOf, type TemplateVariables } from './template-variables';
import type { ParameterFormat, TemplateComponents, TemplateContent, TemplateProblem } from './template.types';

export interface TemplateSummaryDto {
  id: string;
  accountId: string | null;
  wabaId: string;
  name: string;
  language: string;
  /** The category Meta assigned; `requestedCategory` is what dbulk asked for (null when imported). */
  category: TemplateCategory;
  requestedCategory: TemplateCategory | null;
  parameterFormat: ParameterFormat;
  status: TemplateStatus;
  rejectionReason: string | null;
  qualityScore: string | null;
  metaTemplateId: string | null;
  version: number;
  /** First 140 characters of the body, for list rows. */
  bodyPreview: string;
  submittedAt: string | null;
  statusChangedAt: string | null;
  lastSyncedAt: string | null;
  updatedAt: string;
}

export interface TemplateVersionDto {
  id: string;
  version: number;
  event: string;
  status: TemplateStatus;
  category: TemplateCategory;
  reason: string | null;
  components: TemplateComponents | null;
  actorUserId: string | null;
  createdAt: string;
}

export interface TemplateActionsDto {
  canUpdateDraft: boolean;
  canSubmit: boolean;
  canEdit: boolean;
  canRefresh: boolean;
  canDelete: boolean;
  /** When an approved template's next edit is allowed (1 per 24 h, 10 per 30 days). */
  nextEditAt: string | null;
}

export interface TemplateDetailDto extends TemplateSummaryDto {
  components: TemplateComponents;
  variables: TemplateVariables;
  /** What Meta would refuse in the current content (empty when it would pass). */
  problems: TemplateProblem[];
  /** Meta features in this template that the builder cannot edit (imported templates). */
  unsupported: string[];
  /** A human explanation of Meta's rejection reason, when rejected. */
  rejectionHint: string | null;
  actions: TemplateActionsDto;
  /** Set when the template was deleted while approved: Meta blocks its name until then. */
  nameReusableAt: string | null;
  versions: TemplateVersionDto[];
}

export const REJECTION_HINTS: Record<string, string> = {
  ABUSIVE_CONTENT: 'Meta found content that is abusive or violates WhatsApp Business policy.',
  INCORRECT_CATEGORY:
    'The content does not match the category; choose the category that fits or change the wording.',
  INVALID_FORMAT: 'The format is wrong, e.g. variables next to each other, at the edges, or missing samples.',
  PROMOTIONAL: 'The content is promotional; submit it as MARKETING.',
  SCAM: 'Meta judged the content misleading or a scam.',
  TAG_CONTENT_MISMATCH: 'The content does not match the category or language chosen.',
};

/** Webhooks store "CODE: Meta's words" (or just the code); the hint is keyed by the code. */
export function rejectionHintOf(reason: string | null | undefined): string | null {
  if (!reason) return null;
  return REJECTION_HINTS[reason.split(':')[0]!.trim()] ?? null;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** The builder's view of a stored row (Meta's JSON converted). */
export function contentOf(row: Template): TemplateContent & { unsupported: string[] } {
  const { components, unsupported } = fromMetaComponents(row.components, row.parameterFormat);
  return {
    name: row.name,
    language: row.language,
    category: row.category,
    parameterFormat: row.parameterFormat,
    components,
    unsupported,
  };
}

export function toSummaryDto(row: Template): TemplateSummaryDto {
  const body = row.components.find((c) => String(c.type).toUpperCase() === 'BODY');
  return {
    id: row.id,
    accountId: row.account?.id ?? null,
    wabaId: row.wabaId,
    name: row.name,
    language: row.language,
    category: row.category,
    requestedCategory: row.requestedCategory ?? null,
    parameterFormat: row.parameterFormat,
    status: row.status,
    rejectionReason: row.rejectionReason ?? null,
    qualityScore: row.qualityScore ?? null,
    metaTemplateId: row.metaTemplateId ?? null,
    version: row.version,
    bodyPreview: String(body?.text ?? '').slice(0, 140),
    submittedAt: iso(row.submittedAt),
    statusChangedAt: iso(row.statusChangedAt),
    lastSyncedAt: iso(row.lastSyncedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toVersionDto(row: TemplateVersion, format: ParameterFormat): TemplateVersionDto {
  return {
    id: String(row.id),
    version: row.version,
    event: row.event,
    status: row.status,
    category: row.category,
    reason: row.reason ?? null,
    components: row.components ? fromMetaComponents(row.components, format).components : null,
    actorUserId: row.actorUserId ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDetailDto(
  row: Template,
  versions: TemplateVersion[],
  extra: { actions: TemplateActionsDto; nameReusableAt: Date | null },
): TemplateDetailDto {
  const content = contentOf(row);
  return {
    ...toSummaryDto(row),
    components: content.components,
    variables: variablesOf(content),
    problems: validateTemplate(content),
    unsupported: content.unsupported,
    rejectionHint: row.status === 'REJECTED' ? rejectionHintOf(row.rejectionReason) : null,
    actions: { ...extra.actions },
    nameReusableAt: iso(extra.nameReusableAt),
    versions: versions.map((v) => toVersionDto(v, row.parameterFormat)),
  };
}
