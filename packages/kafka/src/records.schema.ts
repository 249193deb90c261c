/**
 * Zod schemas for the value of every record on every topic (first version of each).
 * A change that an old consumer cannot read needs a new `schemaVersion` in topics.ts and a
 * consumer that understands both, deployed first.
 */
import { z } from 'zod';

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

/** `dbulk.send`: a small batch of one campaign's messages for the sender to attempt. */
export const SendRecord = z.object({
  tenantId: id,
  campaignId: id,
  messageIds: z.array(id).min(1).max(1_000),
});
export type SendRecord = z.infer<typeof SendRecord>;

/** `dbulk.webhooks`: Meta's POST exactly as received; the body stays raw so it can be re-verified and replayed. */
export const WebhookRecord = z.object({
  receivedAt: isoTime,
  body: z.string(),
  headers: z.record(z.string(), z.string()),
  phoneNumberId: id.optional(),
});
export type WebhookRecord = z.infer<typeof WebhookRecord>;

/** `dbulk.webhooks.dlq`: a record no consumer could process, kept with the reason for replay. */
export const DlqRecord = z.object({
  topic: z.string().min(1),
  partition: z.int().min(0),
  /** Kafka offsets are int64: kept as a decimal string. */
  offset: z.string().regex(/^\d+$/),
  key: z.string().nullable(),
  /** The original value as UTF-8 text (every dbulk value is JSON); null for a tombstone. */
  value: z.string().nullable(),
  headers: z.record(z.string(), z.string()).optional(),
  error: z.object({ message: z.string(), code: z.string().optional(), name: z.string().optional() }),
  /** The consumer group that gave up, so a replay knows who should see it again. */
  groupId: z.string().optional(),
  failedAt: isoTime,
  attempts: z.int().min(1),
});
export type DlqRecord = z.infer<typeof DlqRecord>;

/** `dbulk.control`: operator decisions every sender must apply within a second. */
export const ControlRecord = z.discriminatedUnion('type', [
  z.object({ type: z.literal('kill_switch'), engaged: z.boolean() }),
  z.object({ type: z.literal('tenant_sending'), tenantId: id, enabled: z.boolean() }),
  z.object({ type: z.literal('campaign'), campaignId: id, action: z.enum(['pause', 'resume', 'cancel']) }),
  z.object({ type: z.literal('rate'), phoneNumberId: id, rate: z.number().positive().max(10_000) }),
]);
export type ControlRecord = z.infer<typeof ControlRecord>;

/** The record key of a control record: its scope, so related decisions keep their order. */
export function controlScope(record: ControlRecord): string {
  switch (record.type) {
    case 'kill_switch':
      return 'global';
    case 'tenant_sending':
      return `tenant:${record.tenantId}`;
    case 'campaign':
      return `campaign:${record.campaignId}`;
    case 'rate':
      return `phone:${record.phoneNumberId}`;
  }
}

/** `dbulk.events`: progress deltas the api fans out to SSE subscribers. */
export const EventRecord = z.object({
  tenantId: id,
  type: z.string().min(1),
  at: isoTime,
  data: z.record(z.string(), z.unknown()),
});
export type EventRecord = z.infer<typeof EventRecord>;
