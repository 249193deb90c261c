/** `campaign.progress` snapshots for dbulk.events, from the `counted` rows of counterDeltaCtes. */
import type { ApplyStatusesResult } from '@dbulk/domain-campaigns';

type CampaignProgress = ApplyStatusesResult['progress'][number];
import type { EventRecord } from '@dbulk/kafka';
import type { CountedRow } from './messages.repository';

const COUNTERS = ['pending', 'queued', 'sending', 'retryWait', 'accepted', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
const COLUMN: Record<(typeof COUNTERS)[number], string> = {
  pending: 'pending',
  queued: 'queued',
  sending: 'sending',
  retryWait: 'retry_wait',
  accepted: 'accepted',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  skipped: 'skipped',
};

/** Keeps the newest snapshot per campaign across the statements of one batch. */
export class ProgressCollector {
  private readonly latest = new Map<string, CountedRow>();
  private readonly reasons = new Map<string, string>();

  add(rows: readonly CountedRow[]): void {
    for (const row of rows) this.latest.set(row.id, row);
  }

  /** Snapshots others computed (parked statuses applied after the batch): newer than the rows. */
  addSnapshots(snapshots: readonly CampaignProgress[]): void {
    for (const s of snapshots) {
      this.latest.set(s.campaignId, {
        id: s.campaignId,
        tenant_id: s.tenantId,
        status: s.status,
        pending: s.counters.pending,
        queued: s.counters.queued,
        sending: s.counters.sending,
        retry_wait: s.counters.retryWait,
        accepted: s.counters.accepted,
        sent: s.counters.sent,
        delivered: s.counters.delivered,
        read: s.counters.read,
        failed: s.counters.failed,
        skipped: s.counters.skipped,
      });
    }
  }

  /** Takes in another collector's snapshots and reasons (they are newer than ours). */
  merge(other: ProgressCollector): void {
    for (const [id, row] of other.latest) this.latest.set(id, row);
    for (const [id, reason] of other.reasons) this.reasons.set(id, reason);
  }

  paused(campaignId: string, statusReason: string): void {
    this.reasons.set(campaignId, statusReason);
  }

  events(at = new Date()): { key: string; value: EventRecord }[] {
    return [...this.latest.values()].map((row) => {
      const counters = Object.fromEntries(COUNTERS.map((k) => [k, Number(row[COLUMN[k]] ?? 0)])) as Record<(typeof COUNTERS)[number], number>;
      // Every message is in exactly one status, so the counters add up to the total.
      const total = COUNTERS.reduce((sum, k) => sum + counters[k], 0);
      const reason = this.reasons.get(row.id);
      return {
        key: row.tenant_id,
        value: {
          tenantId: row.tenant_id,
          type: 'campaign.progress',
          at: at.toISOString(),
          data: {
            campaignId: row.id,
            status: reason ? 'PAUSED' : row.status,
            // Left out unless this batch paused it: subscribers keep the reason they know.
            ...(reason ? { statusReason: reason } : {}),
            counters: { total, ...counters },
          },
        },
      };
    });
  }
}
