/**
 * What the api returns about campaigns: plain objects, never entities. Counters are the
 * campaign's current per-status counts (see messages/counters.ts).
 */
import type { Campaign, CampaignStatus, TemplateCategory, VariableMapping } from '@dbulk/db';

export interface CampaignCountersDto {
  total: number;
  pending: number;
  queued: number;
  sending: number;
  retryWait: number;
  accepted: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  skipped: number;
}

export interface CampaignSummaryDto {
  id: string;
  name: string;
  status: CampaignStatus;
  statusReason: string | null;
  statusCode: string | null;
  scheduledAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  counters: CampaignCountersDto;
}

export interface CampaignDetailDto extends CampaignSummaryDto {
  template: { id: string; name: string; language: string; category: TemplateCategory };
  account: { id: string; displayPhoneNumber: string | null };
  listIds: string[];
  tagFilter: string[];
  variableMapping: VariableMapping;
  /** Billing is a later issue: null until quotes exist. */
  estimatedCost: string | null;
  actualCost: string;
}

/** A live progress snapshot, as published on dbulk.events (`campaign.progress`) and yielded by onProgress. */
export interface ProgressSnapshot {
  campaignId: string;
  status: CampaignStatus;
  statusReason: string | null;
  counters: CampaignCountersDto;
  at: string;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Counters from a campaigns row read with raw SQL (snake_case) or from the entity. */
export function countersOf(row: Record<string, unknown>): CampaignCountersDto {
  const n = (key: string, alt?: string) => Number(row[key] ?? (alt ? row[alt] : 0) ?? 0);
  return {
    total: n('total'),
    pending: n('pending'),
    queued: n('queued'),
    sending: n('sending'),
    retryWait: n('retryWait', 'retry_wait'),
    accepted: n('accepted'),
    sent: n('sent'),
    delivered: n('delivered'),
    read: n('read'),
    failed: n('failed'),
    skipped: n('skipped'),
  };
}

export function toSummaryDto(row: Campaign): CampaignSummaryDto {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    statusReason: row.statusReason ?? null,
    statusCode: row.statusCode ?? null,
    scheduledAt: iso(row.scheduledAt),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    createdAt: row.createdAt.toISOString(),
    counters: countersOf(row as unknown as Record<string, unknown>),
  };
}

/** `row` must have its template and account loaded. */
export function toDetailDto(row: Campaign): CampaignDetailDto {
  return {
    ...toSummaryDto(row),
    template: {
      id: row.template.id,
      name: row.template.name,
      language: row.template.language,
      category: row.template.category,
    },
    account: { id: row.account.id, displayPhoneNumber: row.account.displayPhoneNumber ?? null },
    listIds: row.listIds,
    tagFilter: row.tagFilter,
    variableMapping: row.variableMapping,
    estimatedCost: row.estimatedCost ?? null,
    actualCost: row.actualCost,
  };
}

export function toProgress(row: Campaign): ProgressSnapshot {
  return {
    campaignId: row.id,
    status: row.status,
    statusReason: row.statusReason ?? null,
    counters: countersOf(row as unknown as Record<string, unknown>),
    at: new Date().toISOString(),
  };
}
