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

  it('calls its stop listeners at every stop, not on go records, and not once unsubscribed', () => {
    const gate = new SendGate();
    let calls = 0;
    const unsubscribe = gate.onStop(() => calls++);
    gate.apply({ type: 'campaign', campaignId: 'c1', action: 'resume' });
    gate.apply({ type: 'kill_switch', engaged: false });
    gate.apply({ type: 'tenant_sending', tenantId: 't1', enabled: true });
    expect(calls).toBe(0);
    gate.apply({ type: 'kill_switch', engaged: true });
    gate.stopCampaign('c2');
    gate.apply({ type: 'tenant_sending', tenantId: 't1', enabled: false });
    gate.apply({ type: 'campaign', campaignId: 'c3', action: 'cancel' });
    expect(calls).toBe(4);
    unsubscribe();
    gate.apply({ type: 'campaign', campaignId: 'c4', action: 'pause' });
    expect(calls).toBe(4);
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
