/**
 * One chunk of a fetched batch, processed in offset order: decode, run the handler on the good
 * records, dead-letter the poison, resolve every offset that is done. Kept apart from the
 * kafkajs runner so the rules can be read (and tested) without a broker.
 */
import type { Logger } from '@dbulk/logger';
import type { DecodedRecord, DecodeResult, ErrorKind, RawMessage } from './poison';

export interface BatchContext {
  topic: string;
  partition: number;
  /** Call during long work: a member that stays silent past the session timeout is evicted. */
  heartbeat: () => Promise<void>;
  logger: Logger;
}

export type BatchHandler<T> = (records: DecodedRecord<T>[], ctx: BatchContext) => Promise<void>;

export interface ChunkDeps<T> {
  decode: (message: RawMessage) => DecodeResult<T>;
  handler: BatchHandler<T>;
  ctx: BatchContext;
  classify: (err: unknown) => ErrorKind;
  deadLetter: (message: RawMessage, err: unknown, attempts: number) => Promise<void>;
  resolve: (offset: string) => void;
  /** Transient failures already seen with this chunk's first record at the head. */
  attemptsSoFar: number;
  /** After this many transient failures a record is dead-lettered too (Infinity: never). */
  maxAttempts: number;
}

/** `retry`: nothing from the failing record on was resolved; kafkajs fetches it again. */
export type ChunkOutcome = { status: 'done' } | { status: 'retry'; error: unknown };

type Item<T> = { message: RawMessage; result: DecodeResult<T> };

export async function processChunk<T>(messages: RawMessage[], deps: ChunkDeps<T>): Promise<ChunkOutcome> {
  const items: Item<T>[] = messages.map((message) => ({ message, result: deps.decode(message) }));
  const good = items.flatMap(({ result }) => (result.ok ? [result.record] : []));
  try {
    if (good.length > 0) await deps.handler(good, deps.ctx);
  } catch (err) {
    const attempts = deps.attemptsSoFar + 1;
    if (deps.classify(err) === 'transient' && attempts < deps.maxAttempts) return { status: 'retry', error: err };
    // The handler failed for the whole chunk: run the records one by one to find the culprit,
    // so one poison record does not take its neighbours to the DLQ.
    return oneByOne(items, deps);
  }
  try {
    for (const { message, result } of items) {
      if (!result.ok) await deps.deadLetter(message, result.error, 1);
      deps.resolve(message.offset);
    }
  } catch (err) {
    return { status: 'retry', error: err };
  }
  return { status: 'done' };
}

async function oneByOne<T>(items: Item<T>[], deps: ChunkDeps<T>): Promise<ChunkOutcome> {
  for (const [index, { message, result }] of items.entries()) {
    // Only the head record has a history of failures; the others start afresh.
    const attempts = (index === 0 ? deps.attemptsSoFar : 0) + 1;
    try {
      if (!result.ok) {
        await deps.deadLetter(message, result.error, 1);
      } else {
        try {
          await deps.handler([result.record], deps.ctx);
        } catch (err) {
          if (deps.classify(err) === 'transient' && attempts < deps.maxAttempts) return { status: 'retry', error: err };
          await deps.deadLetter(message, err, attempts);
        }
      }
    } catch (err) {
      // The DLQ itself is unavailable: keep the record rather than drop it.
      return { status: 'retry', error: err };
    }
    deps.resolve(message.offset);
    await deps.ctx.heartbeat();
  }
  return { status: 'done' };
}
