/** The rows `counted` (messages/counters.ts) returns, as progress snapshots (progress.ts publishes them). */
import type { CampaignStatus } from '@dbulk/db';
import type { TenantProgress } from '../progress';

export interface CountedRow {
  id: string;
  tenant_id: string;
  status: CampaignStatus;
  status_reason: string | null;
  total: number | string;
  pending: number | string;
  queued: number | string;
  sending: number | string;
  retry_wait: number | string;
  accepted: number | string;
  sent: number | string;
  delivered: number | string;
  read: number | string;
  failed: number | string;
  skipped: number | string;
}

/** SQL selecting a CountedRow as JSON from `counted` alias `k` joined to campaigns `x` (for status_reason and total). */
export const COUNTED_JSON = `json_build_object('id', k.id, 'tenant_id', k.tenant_id, 'status', k.status, 'status_reason', x.status_reason,
  'total', x.total, 'pending', k.pending, 'queued', k.queued, 'sending', k.sending, 'retry_wait', k.retry_wait, 'accepted', k.accepted,
  'sent', k.sent, 'delivered', k.delivered, 'read', k.read, 'failed', k.failed, 'skipped', k.skipped)`;

export function snapshotOf(row: CountedRow, at = new Date().toISOString()): TenantProgress {
  const n = (v: number | string) => Number(v);
  return {
    at,
    campaignId: row.id,
    tenantId: row.tenant_id,
    status: row.status,
    statusReason: row.status_reason,
    counters: {
      total: n(row.total),
      pending: n(row.pending),
      queued: n(row.queued),
      sending: n(row.sending),
      retryWait: n(row.retry_wait),
      accepted: n(row.accepted),
      sent: n(row.sent),
      delivered: n(row.delivered),
      read: n(row.read),
      failed: n(row.failed),
      skipped: n(row.skipped),
    },
  };
}

/** Keeps the latest snapshot per campaign (later statements saw later counters). */
export function latestPerCampaign(snapshots: TenantProgress[]): TenantProgress[] {
  const byId = new Map<string, TenantProgress>();
  for (const s of snapshots) byId.set(s.campaignId, s);
  return [...byId.values()];
}
