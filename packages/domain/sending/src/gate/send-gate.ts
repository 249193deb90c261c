/**
 * May this campaign's messages be sent now? The global kill switch, the tenant's sending flag
 * and status, and the campaign's status — read from PostgreSQL at most once a second per entry
 * and overwritten at once by `dbulk.control` records, so a stop takes effect within a second.
 */
import type { EntityManager } from '@dbulk/db';
import type { ControlRecord } from '@dbulk/kafka';
import { KILL_SWITCH_KEY } from '@dbulk/domain-platform';

export type StopReason = 'kill_switch' | 'tenant_disabled' | 'campaign_not_running';

interface Entry<T> {
  value: T;
  at: number;
}

export interface SendGateOptions {
  ttlMs?: number;
  now?: () => number;
}

export class SendGate {
  private kill: Entry<boolean> | null = null;
  private readonly stopListeners = new Set<() => void>();
  private readonly tenants = new Map<string, Entry<boolean>>();
  private readonly campaigns = new Map<string, Entry<string>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SendGateOptions = {}) {
    this.ttlMs = options.ttlMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Calls `listener` at every stop of anything (kill switch, a tenant, a campaign), so sends
   * waiting for their rate slot wake and look at their own stop reason instead of sleeping it
   * out. Returns the unsubscribe.
   */
  onStop(listener: () => void): () => void {
    this.stopListeners.add(listener);
    return () => void this.stopListeners.delete(listener);
  }

  private signalStop(): void {
    for (const listener of [...this.stopListeners]) listener();
  }

  private fresh(entry: Entry<unknown> | null | undefined): boolean {
    return entry != null && this.now() - entry.at < this.ttlMs;
  }

  /** Re-reads whatever is older than the TTL for these (tenant, campaign) pairs: one query. */
  async refresh(em: EntityManager, pairs: readonly { tenantId: string; campaignId: string }[]): Promise<void> {
    const stale = pairs.filter((p) => !this.fresh(this.tenants.get(p.tenantId)) || !this.fresh(this.campaigns.get(p.campaignId)));
    if (stale.length === 0 && this.fresh(this.kill)) return;
    const ids = [...new Set(stale.map((p) => p.campaignId))];
    const started = this.now();
    const rows = await em.execute<{ kill: boolean | null; campaign_id: string | null; campaign_status: string | null; tenant_id: string | null; tenant_ok: boolean | null }[]>(
      `select (select (value->>'engaged')::boolean from system_settings where key = ?) as kill,
              c.id as campaign_id, c.status as campaign_status, t.id as tenant_id,
              (t.sending_enabled and t.status = 'active') as tenant_ok
       from (select 1) one
       left join campaigns c on c.id in (select (jsonb_array_elements_text(?::jsonb))::uuid)
       left join tenants t on t.id = c.tenant_id`,
      [KILL_SWITCH_KEY, JSON.stringify(ids)],
    );
    const at = this.now();
    // A control record that arrived while the query ran is newer than what it read.
    let stopped = false;
    const set = <T>(map: Map<string, Entry<T>>, key: string, value: T, stops: boolean) => {
      if ((map.get(key)?.at ?? -Infinity) > started) return;
      stopped ||= stops && map.get(key)?.value !== value;
      map.set(key, { value, at });
    };
    if ((this.kill?.at ?? -Infinity) <= started) {
      const engaged = rows[0]?.kill === true;
      stopped ||= engaged && this.kill?.value !== true;
      this.kill = { value: engaged, at };
    }
    for (const row of rows) {
      const status = row.campaign_status ?? 'MISSING';
      if (row.campaign_id) set(this.campaigns, row.campaign_id, status, status !== 'RUNNING');
      if (row.tenant_id) set(this.tenants, row.tenant_id, row.tenant_ok === true, row.tenant_ok !== true);
    }
    // A campaign that no longer exists must not be sent either.
    for (const id of ids) if (!rows.some((r) => r.campaign_id === id)) set(this.campaigns, id, 'MISSING', true);
    if (stopped) this.signalStop();
  }

  /** From the cache only (cheap enough to ask before every single send). */
  stopReason(tenantId: string, campaignId: string): StopReason | null {
    if (this.kill?.value) return 'kill_switch';
    if (this.tenants.get(tenantId)?.value === false) return 'tenant_disabled';
    const status = this.campaigns.get(campaignId)?.value;
    if (status !== undefined && status !== 'RUNNING') return 'campaign_not_running';
    return null;
  }

  /** Marks a campaign stopped right away (the sender paused it itself). */
  stopCampaign(campaignId: string, status = 'PAUSED'): void {
    this.campaigns.set(campaignId, { value: status, at: this.now() });
    this.signalStop();
  }

  /** A `dbulk.control` record: stops apply at once; "go" decisions are re-read from PostgreSQL. */
  apply(record: ControlRecord): void {
    const at = this.now();
    switch (record.type) {
      case 'kill_switch':
        this.kill = record.engaged ? { value: true, at } : null;
        if (record.engaged) this.signalStop();
        return;
      case 'tenant_sending':
        if (record.enabled) this.tenants.delete(record.tenantId);
        else {
          this.tenants.set(record.tenantId, { value: false, at });
          this.signalStop();
        }
        return;
      case 'campaign':
        if (record.action === 'resume') this.campaigns.delete(record.campaignId);
        else {
          this.campaigns.set(record.campaignId, { value: record.action === 'cancel' ? 'CANCELLED' : 'PAUSED', at });
          this.signalStop();
        }
        return;
      case 'rate':
        return;
    }
  }
}
