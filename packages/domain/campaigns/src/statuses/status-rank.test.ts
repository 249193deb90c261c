import { describe, expect, it } from 'vitest';
import { currentRank, resolveStatus, WEBHOOK_STATUS_OF, WEBHOOK_STATUSES, type WebhookStatus } from './status-rank';

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('resolveStatus', () => {
  it('moves forward by rank: sent < delivered < read', () => {
    expect(resolveStatus('ACCEPTED', ['sent'])).toBe('SENT');
    expect(resolveStatus('SENT', ['delivered'])).toBe('DELIVERED');
    expect(resolveStatus('DELIVERED', ['read'])).toBe('READ');
  });

  it('never moves backwards', () => {
    expect(resolveStatus('READ', ['delivered', 'sent'])).toBe('READ');
    expect(resolveStatus('DELIVERED', ['sent'])).toBe('DELIVERED');
  });

  it('lets failed win over accepted and sent (sent then failed) but not over delivered or read', () => {
    expect(resolveStatus('ACCEPTED', ['failed'])).toBe('FAILED');
    expect(resolveStatus('SENT', ['failed'])).toBe('FAILED');
    expect(resolveStatus('DELIVERED', ['failed'])).toBe('DELIVERED');
    expect(resolveStatus('READ', ['failed'])).toBe('READ');
    expect(resolveStatus('FAILED', ['sent'])).toBe('FAILED');
    expect(resolveStatus('FAILED', ['read'])).toBe('READ');
  });

  it('ends in the same status whatever the order of arrival', () => {
    const sets: WebhookStatus[][] = [['sent', 'delivered', 'read', 'failed'], ['sent', 'failed'], ['sent', 'delivered', 'failed'], ['read', 'sent']];
    for (const set of sets) {
      const results = new Set(permutations(set).map((order) => order.reduce((status, s) => resolveStatus(status, [s]), 'ACCEPTED' as ReturnType<typeof resolveStatus>)));
      expect(results.size).toBe(1);
    }
  });

  it('resolves an unresolved send (SENDING, or FAILED ambiguous without wamid) with any webhook status', () => {
    for (const s of WEBHOOK_STATUSES) expect(resolveStatus('FAILED', [s], true)).toBe(WEBHOOK_STATUS_OF[s]);
    expect(resolveStatus('FAILED', ['sent'], true)).toBe('SENT');
    expect(resolveStatus('SENDING', ['delivered'])).toBe('DELIVERED');
    expect(currentRank('FAILED', 'ambiguous', null)).toBeLessThan(currentRank('ACCEPTED', null, 'wamid.x'));
    expect(currentRank('FAILED', 'ambiguous', 'wamid.x')).toBe(currentRank('FAILED', null, 'wamid.x'));
  });

  it('leaves messages that were never sent alone', () => {
    expect(currentRank('PENDING', null, null)).toBe(0);
    expect(currentRank('SKIPPED', 'opted_out', null)).toBe(0);
  });
});
