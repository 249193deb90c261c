import { describe, expect, it } from 'vitest';
import { createLogger } from '@dbulk/logger';
import { verifySignature } from '@dbulk/meta';
import { ManualClock } from '../state/clock';
import { IdGenerator } from '../state/ids';
import { defaultScenario, type Scenario } from '../state/scenario';
import { DeliveryLog } from './delivery-log';
import { WebhookEmitter } from './emitter';
import type { WebhookChange } from './envelopes';

const SECRET = 'shh';

function setup(scenario: Partial<Scenario>, answers: number[] = []) {
  const clock = new ManualClock(0);
  const log = new DeliveryLog();
  const posts: Array<{ body: string; signature: string; at: number }> = [];
  const emitter = new WebhookEmitter({
    clock,
    ids: new IdGenerator('seed'),
    appSecret: SECRET,
    scenario: () => defaultScenario(scenario),
    target: () => ({ url: 'http://receiver.test/hook' }),
    log,
    post: async (_url, body, signature) => {
      posts.push({ body, signature, at: clock.now() });
      return answers.shift() ?? 200;
    },
    logger: createLogger({ name: 'test', level: 'silent' }),
  });
  return { clock, log, posts, emitter };
}

const change = (id: string): WebhookChange => ({
  wabaId: '1',
  field: 'messages',
  kind: 'messages',
  value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '1555', phone_number_id: '2' }, statuses: [{ id, status: 'sent' }] },
  time: 0,
});

describe('WebhookEmitter', () => {
  it('signs the exact bytes it posts', async () => {
    const { posts, emitter } = setup({});
    emitter.emit(change('a'));
    await emitter.idle();
    expect(posts).toHaveLength(1);
    expect(verifySignature(SECRET, Buffer.from(posts[0]!.body), posts[0]!.signature)).toEqual({ ok: true });
  });

  it('retries a failing receiver with growing delays and stops at maxAttempts', async () => {
    const { clock, log, posts, emitter } = setup({ retry: { maxAttempts: 3, initialDelayMs: 100, factor: 3, timeoutMs: 1_000 } }, [500, 503, 500]);
    emitter.emit(change('a'));
    await emitter.idle();
    await clock.advance(100);
    await emitter.idle();
    await clock.advance(300);
    await emitter.idle();
    expect(posts.map((post) => post.at)).toEqual([0, 100, 400]);
    expect(log.list()[0]).toMatchObject({ state: 'failed', attempts: [{ statusCode: 500 }, { statusCode: 503 }, { statusCode: 500 }] });
  });

  it('marks a delivery delivered once a retry succeeds', async () => {
    const { clock, log, emitter } = setup({ retry: { maxAttempts: 5, initialDelayMs: 10, factor: 2, timeoutMs: 1_000 } }, [500]);
    emitter.emit(change('a'));
    await emitter.idle();
    await clock.advance(10);
    await emitter.idle();
    expect(log.list()[0]).toMatchObject({ state: 'delivered' });
    expect(log.list()[0]!.attempts).toHaveLength(2);
  });

  it('posts the same bytes twice when duplicates are on', async () => {
    const { clock, posts, emitter, log } = setup({ duplicateRate: 1, duplicateDelayMs: 5 });
    emitter.emit(change('a'));
    await clock.advance(5);
    await emitter.idle();
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toBe(posts[0]!.body);
    expect(posts[1]!.signature).toBe(posts[0]!.signature);
    expect(log.list()[1]!.duplicateOf).toBe(log.list()[0]!.id);
  });

  it('gathers the updates of a batching window into one POST', async () => {
    const { clock, posts, emitter } = setup({ batch: { windowMs: 50, maxUpdates: 1000 } });
    emitter.emit(change('a'));
    emitter.emit(change('b'));
    await clock.advance(49);
    expect(posts).toHaveLength(0);
    await clock.advance(1);
    await emitter.idle();
    expect(posts).toHaveLength(1);
    const body = JSON.parse(posts[0]!.body) as { entry: Array<{ changes: Array<{ value: { statuses: unknown[] } }> }> };
    expect(body.entry[0]!.changes[0]!.value.statuses).toHaveLength(2);
  });

  it('flushes early when a batch is full', async () => {
    const { posts, emitter } = setup({ batch: { windowMs: 10_000, maxUpdates: 2 } });
    emitter.emit(change('a'));
    emitter.emit(change('b'));
    await emitter.idle();
    expect(posts).toHaveLength(1);
  });
});
