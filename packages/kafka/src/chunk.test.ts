import { createLogger } from '@dbulk/logger';
import { describe, expect, it } from 'vitest';
import { processChunk, type BatchHandler, type ChunkDeps } from './chunk';
import { classifyError, decodeRecord, PermanentError, type RawMessage } from './poison';
import { SendRecord } from './records.schema';

const logger = createLogger({ name: 'test', level: 'silent' });
type Send = { tenantId: string; campaignId: string; messageIds: string[] };

function msg(offset: number, value: string): RawMessage {
  return { key: null, value: Buffer.from(value), offset: String(offset), timestamp: '0' };
}
const good = (offset: number, id = `m${offset}`) =>
  msg(offset, JSON.stringify({ tenantId: 't', campaignId: 'c', messageIds: [id] }));

function harness(handler: BatchHandler<Send>, overrides: Partial<ChunkDeps<Send>> = {}) {
  const resolved: string[] = [];
  const dead: { offset: string; error: string; attempts: number }[] = [];
  const deps: ChunkDeps<Send> = {
    decode: (m) => decodeRecord(SendRecord, 'dbulk.send', 0, m),
    handler,
    ctx: { topic: 'dbulk.send', partition: 0, heartbeat: async () => {}, logger },
    classify: classifyError,
    deadLetter: async (m, err, attempts) => void dead.push({ offset: m.offset, error: (err as Error).message, attempts }),
    resolve: (offset) => void resolved.push(offset),
    attemptsSoFar: 0,
    maxAttempts: Infinity,
    ...overrides,
  };
  return { deps, resolved, dead };
}

describe('processChunk', () => {
  it('hands the good records to the handler in one call and resolves all', async () => {
    const calls: string[][] = [];
    const { deps, resolved, dead } = harness(async (records) => void calls.push(records.map((r) => r.offset)));
    expect(await processChunk([good(1), good(2), good(3)], deps)).toEqual({ status: 'done' });
    expect(calls).toEqual([['1', '2', '3']]);
    expect(resolved).toEqual(['1', '2', '3']);
    expect(dead).toEqual([]);
  });

  it('dead-letters undecodable records and still resolves them in order', async () => {
    const calls: string[][] = [];
    const { deps, resolved, dead } = harness(async (records) => void calls.push(records.map((r) => r.offset)));
    await processChunk([good(1), msg(2, 'garbage'), good(3)], deps);
    expect(calls).toEqual([['1', '3']]);
    expect(dead).toEqual([{ offset: '2', error: expect.stringMatching(/not JSON/), attempts: 1 }]);
    expect(resolved).toEqual(['1', '2', '3']);
  });

  it('resolves nothing on a transient error so the chunk is fetched again', async () => {
    const { deps, resolved, dead } = harness(async () => {
      throw new Error('database unavailable');
    });
    const outcome = await processChunk([good(1), good(2)], deps);
    expect(outcome).toMatchObject({ status: 'retry', error: expect.any(Error) });
    expect(resolved).toEqual([]);
    expect(dead).toEqual([]);
  });

  it('isolates the record behind a permanent error and carries on with its neighbours', async () => {
    const seen: string[] = [];
    const { deps, resolved, dead } = harness(async (records) => {
      seen.push(records.map((r) => r.offset).join(','));
      if (records.some((r) => r.value.messageIds[0] === 'bad')) throw new PermanentError('NOPE', 'cannot send bad');
    });
    await processChunk([good(1), good(2, 'bad'), good(3)], deps);
    expect(seen).toEqual(['1,2,3', '1', '2', '3']);
    expect(dead).toEqual([{ offset: '2', error: 'cannot send bad', attempts: 1 }]);
    expect(resolved).toEqual(['1', '2', '3']);
  });

  it('dead-letters a record once it has failed transiently maxAttempts times', async () => {
    const { deps, dead, resolved } = harness(
      async () => {
        throw new Error('still down');
      },
      { attemptsSoFar: 2, maxAttempts: 3 },
    );
    expect(await processChunk([good(5)], deps)).toEqual({ status: 'done' });
    expect(dead).toEqual([{ offset: '5', error: 'still down', attempts: 3 }]);
    expect(resolved).toEqual(['5']);
  });

  it('keeps a poison record (and retries) when the DLQ cannot be written', async () => {
    const { deps, resolved } = harness(async () => {}, {
      deadLetter: async () => {
        throw new Error('dlq unavailable');
      },
    });
    const outcome = await processChunk([good(1), msg(2, 'garbage')], deps);
    expect(outcome.status).toBe('retry');
    expect(resolved).toEqual(['1']);
  });
});
