import type { EntityManager } from '@dbulk/db';
import { describe, expect, it } from 'vitest';
import { envelope, messagesValue, status } from './testing/fixtures';
import { groupByChanges, parseWebhookInput, processWebhooks } from './webhooks.service';
import { isTransientError } from './webhooks.errors';

describe('groupByChanges', () => {
  const input = (n: number) => ({ changes: Array.from({ length: n }) });
  it('cuts groups at the change budget, never inside a record', () => {
    expect(groupByChanges([input(3), input(3), input(5), input(1)], 6).map((g) => g.map((i) => i.changes.length))).toEqual([[3, 3], [5, 1]]);
    expect(groupByChanges([input(10), input(1)], 6).map((g) => g.length)).toEqual([1, 1]);
    expect(groupByChanges([], 6)).toEqual([]);
  });
});

describe('parseWebhookInput', () => {
  it('names the record that is not JSON', () => {
    const result = parseWebhookInput({ ref: 1, source: 'dbulk.webhooks[0]@7', receivedAt: new Date(), body: '{nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WEBHOOK_UNPARSEABLE', message: expect.stringMatching(/^webhook record dbulk\.webhooks\[0\]@7 cannot be parsed: webhook body is not JSON/) } });
  });
});

describe('isTransientError', () => {
  it('retries outages and deadlocks, not bad data', () => {
    expect(isTransientError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('x'), { code: 'EPIPE' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('admin shutdown'), { sqlState: '57P01' }))).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientError(Object.assign(new Error('too long'), { code: '22001' }))).toBe(false);
    expect(isTransientError(Object.assign(new Error('check'), { code: '23514' }))).toBe(false);
    expect(isTransientError(new TypeError('x is undefined'))).toBe(false);
  });
});

describe('processWebhooks when the database is down', () => {
  it('throws the transient error for the consumer to retry, without falling back to change-by-change', async () => {
    let transactions = 0;
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const em = {
      transactional: async (work: (tx: unknown) => Promise<unknown>) => {
        transactions += 1;
        return work(em);
      },
      execute: async () => {
        throw down;
      },
    } as unknown as EntityManager;
    const parsed = parseWebhookInput({ ref: 0, source: 's', receivedAt: new Date(), body: envelope('1', [messagesValue('2', { statuses: [status('w', 'sent', 1)] })]) });
    if (!parsed.ok) throw parsed.error;
    await expect(processWebhooks(em, [parsed.parsed])).rejects.toBe(down);
    expect(transactions).toBe(1);
  });
});
