import { describe, expect, it } from 'vitest';
import { ProgressCollector } from './progress';

const row = (id: string, over: Record<string, unknown> = {}) => ({
  id, tenant_id: 't1', status: 'RUNNING', pending: 1, queued: 2, sending: 3, retry_wait: 4, accepted: 5, sent: 0, delivered: 0, read: 0, failed: 1, skipped: 2, ...over,
});

describe('ProgressCollector', () => {
  it('keeps the newest snapshot per campaign and sums the total', () => {
    const p = new ProgressCollector();
    p.add([row('c1'), row('c2')]);
    p.add([row('c1', { sending: 0, accepted: 8 })]);
    const events = p.events(new Date('2026-01-01T00:00:00Z'));
    expect(events).toHaveLength(2);
    const c1 = events.find((e) => e.value.data.campaignId === 'c1')!;
    expect(c1.key).toBe('t1');
    expect(c1.value).toMatchObject({ type: 'campaign.progress', at: '2026-01-01T00:00:00.000Z' });
    expect('statusReason' in c1.value.data).toBe(false);
    expect(c1.value.data.counters).toEqual({ total: 18, pending: 1, queued: 2, sending: 0, retryWait: 4, accepted: 8, sent: 0, delivered: 0, read: 0, failed: 1, skipped: 2 });
  });

  it('reports a campaign the sender paused with its reason', () => {
    const p = new ProgressCollector();
    p.add([row('c1')]);
    p.paused('c1', 'token expired');
    expect(p.events()[0]!.value.data).toMatchObject({ status: 'PAUSED', statusReason: 'token expired' });
  });
});
