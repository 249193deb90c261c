/** What status application takes in and gives back. */
import type { TenantProgress } from '../progress';

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

export interface ApplyStatusesResult {
  /** message_events rows marked applied. */
  applied: number;
  /** campaign_messages rows written (status, timestamps or a recovered wamid). */
  updated: number;
  /** Messages whose wamid was attached from callback data (a send whose outcome was unknown). */
  recovered: number;
  /** One per campaign whose counters changed. */
  progress: TenantProgress[];
}
