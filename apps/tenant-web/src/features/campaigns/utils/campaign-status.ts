/** Words and tones for campaign and message statuses, skip reasons and status codes. */
import type { BadgeTone } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';

export type CampaignDetail = RouterOutputs['campaigns']['byId'];
export type CampaignStatus = CampaignDetail['status'];
export type Counters = CampaignDetail['counters'];
export type MessageRow = RouterOutputs['campaigns']['messages']['items'][number];
export type MessageStatus = MessageRow['status'];

export const CAMPAIGN_STATUSES = [
  'DRAFT',
  'SCHEDULED',
  'RUNNING',
  'PAUSED',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
] as const;
export const MESSAGE_STATUSES = [
  'PENDING',
  'QUEUED',
  'SENDING',
  'RETRY_WAIT',
  'ACCEPTED',
  'SENT',
  'DELIVERED',
  'READ',
  'FAILED',
  'SKIPPED',
] as const satisfies readonly MessageStatus[];

const CAMPAIGN_TONES: Record<CampaignStatus, BadgeTone> = {
  DRAFT: 'neutral',
  SCHEDULED: 'info',
  RUNNING: 'accent',
  PAUSED: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
  FAILED: 'danger',
};

export function campaignTone(status: CampaignStatus): BadgeTone {
  return CAMPAIGN_TONES[status];
}

/**
 * Campaigns whose counters may still move, so the page subscribes: every one but a draft (a
 * completed or cancelled campaign still receives delivered and read statuses).
 */
export function isLive(status: CampaignStatus): boolean {
  return status !== 'DRAFT';
}

export const MESSAGE_LABELS: Record<MessageStatus, string> = {
  PENDING: 'Waiting',
  QUEUED: 'Queued',
  SENDING: 'Sending',
  RETRY_WAIT: 'Retrying',
  ACCEPTED: 'Accepted by Meta',
  SENT: 'Sent',
  DELIVERED: 'Delivered',
  READ: 'Read',
  FAILED: 'Failed',
  SKIPPED: 'Skipped',
};

const MESSAGE_TONES: Record<MessageStatus, BadgeTone> = {
  PENDING: 'neutral',
  QUEUED: 'neutral',
  SENDING: 'info',
  RETRY_WAIT: 'warning',
  ACCEPTED: 'info',
  SENT: 'accent',
  DELIVERED: 'success',
  READ: 'success',
  FAILED: 'danger',
  SKIPPED: 'neutral',
};

export function messageTone(status: MessageStatus): BadgeTone {
  return MESSAGE_TONES[status];
}

/** Why recipients are left out, as the tenant reads it (preflight and the SKIPPED rows' reason). */
const SKIP_REASONS: Record<string, string> = {
  opted_out: 'Opted out',
  suppressed: 'Suppressed (stopped your messages)',
  invalid: 'Invalid phone number',
  duplicate: 'Duplicates',
  us_marketing: 'US number (Meta does not deliver marketing templates to the US)',
  over_limit: 'Over the messaging limit',
  cancelled: 'Campaign cancelled',
  ambiguous: 'Outcome unknown (not resent)',
};

export function skipReasonLabel(reason: string): string {
  return SKIP_REASONS[reason] ?? reason.replaceAll('_', ' ');
}

/** What a campaign's status code means for the banner on its page. */
export interface StatusBanner {
  tone: 'warning' | 'info' | 'danger';
  title: string;
}

/** Meta's "template paused for low quality" and "template disabled" (the sender stores `META_<code>`). */
const TEMPLATE_CODES = new Set(['META_132015', 'META_132016', 'TEMPLATE_PAUSED', 'TEMPLATE_DISABLED']);

export function statusBanner(campaign: {
  status: CampaignStatus;
  statusCode: string | null;
  statusReason: string | null;
}): StatusBanner | null {
  const code = campaign.statusCode ?? '';
  if (!campaign.statusReason && !code) return null;
  if (code === 'MESSAGING_LIMIT_WAIT') return { tone: 'info', title: 'Waiting for messaging-limit budget' };
  if (TEMPLATE_CODES.has(code))
    return { tone: 'warning', title: 'Paused: Meta paused or disabled the template' };
  if (campaign.status === 'FAILED') return { tone: 'danger', title: 'The campaign failed' };
  if (campaign.status === 'CANCELLED') return { tone: 'info', title: 'Cancelled' };
  if (campaign.status === 'PAUSED' && code !== 'PAUSED_BY_USER')
    return { tone: 'danger', title: 'Paused: needs a human' };
  if (campaign.status === 'PAUSED') return { tone: 'warning', title: 'Paused' };
  return { tone: 'info', title: 'Status' };
}
