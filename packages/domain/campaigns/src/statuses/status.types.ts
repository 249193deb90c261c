/** What status application takes in and gives back. */
import type { CampaignStatus } from '@dbulk/db';

/** One status webhook for one message, as recorded in `message_events`. */
export interface StatusEvent {
  /** The tenant the webhook was routed to (by phone number id); a message of another tenant is never touched. */
  tenantId: string;
  wamid: string;
  /** Meta's status: sent, delivered, read, failed (others are ignored). */
  status: string;
  occurredAt: Date | string;
  errorCode: number | null;
  errorTitle: string | null;
  /** `biz_opaque_callback_data` echoed by Meta, `dbulk:m:<messageId>` on dbulk's sends. */
  callbackData: string | null;
}

export interface CampaignCounters {
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

/** A campaign's state after a statement moved its messages: the `campaign.progress` event's data. */
export interface CampaignProgress {
  campaignId: string;
  tenantId: string;
  status: CampaignStatus;
  statusReason: string | null;
  counters: CampaignCounters;
}

export interface ApplyStatusesResult {
  /** message_events rows marked applied. */
  applied: number;
  /** campaign_messages rows written (status, timestamps or a recovered wamid). */
  updated: number;
  /** Messages whose wamid was attached from callback data (a send whose outcome was unknown). */
  recovered: number;
  /** One per campaign whose counters changed. */
  progress: CampaignProgress[];
}
