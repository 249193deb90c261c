/**
 * `webhook_events` retention: dedupe keys must outlive Meta's 7-day redelivery window, so the
 * retention is never shorter than that; rows older than it are deleted in batches.
 * @see /work/shared/meta/README.md §2.7
 */
import type { EntityManager } from '@dbulk/db';
import { WEBHOOK_REDELIVERY_WINDOW_MS } from '@dbulk/meta';
import { deleteWebhookEventsBefore } from './webhook-event.repository';

export const MIN_RETENTION_DAYS = Math.ceil(WEBHOOK_REDELIVERY_WINDOW_MS / 86_400_000);

export function retentionCutoff(now: Date, retentionDays: number): Date {
  const days = Math.max(retentionDays, MIN_RETENTION_DAYS);
  return new Date(now.getTime() - days * 86_400_000);
}

/** Deletes webhook events received before the retention; returns how many. */
export function pruneWebhookEvents(em: EntityManager, options: { retentionDays: number; now?: Date; batchSize?: number }): Promise<number> {
  return deleteWebhookEventsBefore(em, retentionCutoff(options.now ?? new Date(), options.retentionDays), options.batchSize);
}
