/**
 * Query inputs shared by routes and components (same input → same cache key, so a loader's
 * prefetch is what the component reads), and the CSV download.
 */
import { z } from 'zod';
import type { RouterInputs } from '../../../lib/trpc';
import { CAMPAIGN_STATUSES, MESSAGE_STATUSES } from '../utils/campaign-status';

export const LIST_PAGE_SIZE = 25;
export const MESSAGES_PAGE_SIZE = 50;

/** `/campaigns?status=RUNNING` — the list's filter. */
export const campaignsSearchSchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional().catch(undefined),
});
export type CampaignsSearch = z.infer<typeof campaignsSearchSchema>;

/** `/campaigns/<id>?status=FAILED&errorCode=131026&review=true` — the message table's filters. */
export const campaignSearchSchema = z.object({
  status: z.enum(MESSAGE_STATUSES).optional().catch(undefined),
  errorCode: z.coerce.number().int().min(0).max(10_000_000).optional().catch(undefined),
  review: z.boolean().optional().catch(undefined),
});
export type CampaignSearch = z.infer<typeof campaignSearchSchema>;

export function campaignListInput(
  search: CampaignsSearch,
  cursor?: string | null,
): RouterInputs['campaigns']['list'] {
  return {
    ...(search.status ? { status: search.status } : {}),
    ...(cursor ? { cursor } : {}),
    limit: LIST_PAGE_SIZE,
  };
}

export function messagesInput(
  campaignId: string,
  search: CampaignSearch,
  cursor?: string | null,
): RouterInputs['campaigns']['messages'] {
  return {
    campaignId,
    ...(search.status ? { status: search.status } : {}),
    ...(search.errorCode !== undefined ? { errorCode: search.errorCode } : {}),
    ...(search.review ? { needsReview: true } : {}),
    ...(cursor ? { cursor } : {}),
    limit: MESSAGES_PAGE_SIZE,
  };
}

/** The api streams the campaign's messages as CSV here (same origin: the session cookie goes along). */
export function campaignCsvUrl(campaignId: string): string {
  return `/exports/campaigns/${encodeURIComponent(campaignId)}/messages.csv`;
}
