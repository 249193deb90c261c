import { describe, expect, it } from 'vitest';
import { SendGate } from './send-gate';

describe('SendGate (cache and control records, no database)', () => {
  it('lets everything through until something says stop', () => {
    expect(new SendGate().stopReason('t1', 'c1')).toBeNull();
  });

  it('applies stop records at once, the kill switch first', () => {
    const gate = new SendGate();
    gate.apply({ type: 'campaign', campaignId: 'c1', action: 'pause' });
    expect(gate.stopReason('t1', 'c1')).toBe('campaign_not_running');
    expect(gate.stopReason('t1', 'c2')).toBeNull();
    gate.apply({ type: 'tenant_sending', tenantId: 't1', enabled: false });
    expect(gate.stopReason('t1', 'c2')).toBe('tenant_disabled');
    gate.apply({ type: 'kill_switch', engaged: true });
    expect(gate.stopReason('t2', 'c3')).toBe('kill_switch');
  });

  it('wakes whoever waits on nextStop at every stop, and not on go records', async () => {
    const gate = new SendGate();
    const settled = async (p: Promise<void>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10))]);
    const first = gate.nextStop();
    gate.apply({ type: 'campaign', campaignId: 'c1', action: 'resume' });
    gate.apply({ type: 'kill_switch', engaged: false });
    expect(await settled(first)).toBe(false);
    gate.apply({ type: 'kill_switch', engaged: true });
    expect(await settled(first)).toBe(true);
    // Each stop resolves the promise handed out before it, and a fresh one is handed out after.
    const second = gate.nextStop();
    expect(await settled(second)).toBe(false);
    gate.stopCampaign('c2');
    expect(await settled(second)).toBe(true);
    const third = gate.nextStop();
    gate.apply({ type: 'tenant_sending', tenantId: 't1', enabled: false });
    expect(await settled(third)).toBe(true);
  });

  it('forgets stops on go records so the next refresh reads PostgreSQL', () => {
    const gate = new SendGate();
    gate.apply({ type: 'kill_switch', engaged: true });
    gate.apply({ type: 'kill_switch', engaged: false });
    gate.apply({ type: 'campaign', campaignId: 'c1', action: 'cancel' });
    gate.apply({ type: 'campaign', campaignId: 'c1', action: 'resume' });
    gate.apply({ type: 'tenant_sending', tenantId: 't1', enabled: false });
    gate.apply({ type: 'tenant_sending', tenantId: 't1', enabled: true });
    expect(gate.stopReason('t1', 'c1')).toBeNull();
  });

  it('stops a campaign the sender paused itself', () => {
    const gate = new SendGate();
    gate.stopCampaign('c9');
    expect(gate.stopReason('t', 'c9')).toBe('campaign_not_running');
  });
});
