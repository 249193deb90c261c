/** Template statuses and categories as the pages show them: filter tabs, badge colours, labels. */
import type { BadgeTone } from '@dbulk/ui';
import { TEMPLATE_STATUS_FILTERS } from '../../../lib/search';
import type { RouterInputs, RouterOutputs } from '../../../lib/trpc';

export type TemplateStatus = RouterOutputs['templates']['list']['items'][number]['status'];
export type TemplateCategory = RouterOutputs['templates']['list']['items'][number]['category'];

export const STATUS_FILTERS = TEMPLATE_STATUS_FILTERS;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Each tab and the statuses it shows; "all" is everything but DELETED (the api's default). */
const FILTER_STATUSES: Record<Exclude<StatusFilter, 'all'>, TemplateStatus[]> = {
  draft: ['DRAFT'],
  pending: ['PENDING', 'IN_APPEAL'],
  approved: ['APPROVED'],
  rejected: ['REJECTED'],
  paused: ['PAUSED'],
  disabled: ['DISABLED', 'LIMIT_EXCEEDED', 'ARCHIVED', 'PENDING_DELETION'],
};

export const FILTER_LABELS: Record<StatusFilter, string> = {
  all: 'All',
  draft: 'Draft',
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  paused: 'Paused',
  disabled: 'Disabled',
};

export function statusesOf(filter: StatusFilter): TemplateStatus[] | undefined {
  return filter === 'all' ? undefined : FILTER_STATUSES[filter];
}

/** How many templates each tab would show, from the api's per-status counts. */
export function filterCounts(counts: Partial<Record<TemplateStatus, number>>): Record<StatusFilter, number> {
  const sum = (statuses: readonly string[]) =>
    statuses.reduce((total, status) => total + (counts[status as TemplateStatus] ?? 0), 0);
  const all = Object.entries(counts).reduce(
    (total, [status, n]) => total + (status === 'DELETED' ? 0 : (n ?? 0)),
    0,
  );
  return {
    all,
    ...(Object.fromEntries(
      Object.entries(FILTER_STATUSES).map(([filter, statuses]) => [filter, sum(statuses)]),
    ) as Record<Exclude<StatusFilter, 'all'>, number>),
  };
}

const STATUS_TONES: Partial<Record<TemplateStatus, BadgeTone>> = {
  DRAFT: 'neutral',
  PENDING: 'info',
  IN_APPEAL: 'info',
  APPROVED: 'success',
  REJECTED: 'danger',
  PAUSED: 'warning',
  DISABLED: 'danger',
  LIMIT_EXCEEDED: 'warning',
  PENDING_DELETION: 'neutral',
  DELETED: 'neutral',
  ARCHIVED: 'neutral',
};

export const statusTone = (status: TemplateStatus): BadgeTone => STATUS_TONES[status] ?? 'neutral';

/** Waiting on Meta: pages refetch while a template is in one of these. */
export const IN_REVIEW: readonly TemplateStatus[] = ['PENDING', 'IN_APPEAL'];

export const CATEGORY_LABELS: Record<TemplateCategory, string> = {
  MARKETING: 'Marketing',
  UTILITY: 'Utility',
  AUTHENTICATION: 'Authentication',
};

export const CATEGORY_HINTS: Record<TemplateCategory, string> = {
  MARKETING: 'Promotions, offers, newsletters, re-engagement.',
  UTILITY: 'Updates about a transaction or account the user asked for: orders, bookings, alerts.',
  AUTHENTICATION: 'One-time passcodes. Meta writes the text; you choose the options.',
};

export type TemplateListInput = RouterInputs['templates']['list'];
