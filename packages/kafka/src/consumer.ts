/**
 * A consumer group member that hands validated records to a batch handler in chunks, resolves
 * offsets only for records that are done (handled or dead-lettered), backs off on transient
 * errors so kafkajs fetches the rest again, and drains on shutdown.
 * @see https://kafka.js.org/docs/consuming#a-name-each-batch-a-eachbatch
 * @see https://kafka.js.org/docs/consuming#a-name-options-a-options
 * @see https://kafka.js.org/docs/instrumentation-events
 */
import type { Logger } from '@dbulk/logger';
import type { Consumer, EachBatchPayload } from 'kafkajs';
import { backoffDelay, patientSleep } from './backoff';
import { processChunk, type BatchHandler } from './chunk';
import { consumerGroupId, type BatchConsumerOptions, type ConsumerHealth } from './consumer-options';
import { classifyError, decodeRecord, toDlqRecord, type RawMessage } from './poison';
import { DLQ_TOPIC, physicalTopic, TOPICS, type TopicName } from './topics';

export type { BatchConsumerOptions, ConsumerHealth } from './consumer-options';

export class BatchConsumer<N extends TopicName> {
  readonly groupId: string;
  private readonly consumer: Consumer;
  private readonly logger: Logger;
  private readonly failures = new Map<string, { offset: string; attempts: number }>();
  private readonly lag = new Map<string, number>();
  private connected = false;
  private lastBatchAt: Date | null = null;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: BatchConsumerOptions<N>) {
    this.groupId = consumerGroupId(options.app, options.purpose);
    this.logger = options.logger.child({ component: 'kafka-consumer', groupId: this.groupId, topic: options.topic });
    this.consumer = options.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3_000,
      rebalanceTimeout: options.rebalanceTimeoutMs ?? 60_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
    });
    const { GROUP_JOIN, CRASH, STOP, DISCONNECT } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, ({ payload }) => {
      this.connected = true;
      this.lag.clear();
      this.logger.info({ memberAssignment: payload.memberAssignment }, 'joined the group');
    });
    this.consumer.on(CRASH, ({ payload }) => {
      this.connected = payload.restart;
      this.logger.error({ err: payload.error, restart: payload.restart }, 'consumer crashed');
    });
    this.consumer.on(STOP, () => (this.connected = false));
    this.consumer.on(DISCONNECT, () => (this.connected = false));
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    const topic = physicalTopic(this.options.topic, this.options.topicPrefix);
    await this.consumer.subscribe({ topics: [topic], fromBeginning: this.options.fromBeginning ?? true });
    // Resolves once the member has joined; autoCommit commits resolved offsets after each batch.
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Stops fetching, lets the in-flight chunk finish and commit, then leaves the group. */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      this.logger.info('draining');
      await this.consumer.stop();
      await this.consumer.disconnect();
      this.logger.info('left the group');
    })();
    return this.stopping;
  }

  health(): ConsumerHealth {
    const lag = this.lag.size > 0 ? [...this.lag.values()].reduce((a, b) => a + b, 0) : undefined;
    return { connected: this.connected, lastBatchAt: this.lastBatchAt, ...(lag === undefined ? {} : { lag }) };
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    const key = `${topic}:${partition}`;
    const stop = () => !isRunning() || isStale();
    const chunkSize = this.options.chunkSize ?? 100;
    const spec = TOPICS[this.options.topic];
    let next = BigInt(batch.firstOffset() ?? 0);

    for (let i = 0; i < batch.messages.length && !stop(); i += chunkSize) {
      const chunk = batch.messages.slice(i, i + chunkSize);
      const head = chunk[0]!.offset;
      const failure = this.failures.get(key);
      const outcome = await processChunk(chunk, {
        decode: (message) => decodeRecord(spec.schema, topic, partition, message),
        handler: this.options.handler as BatchHandler<unknown>,
        ctx: { topic, partition, heartbeat, logger: this.logger },
        classify: this.options.classifyError ?? classifyError,
        deadLetter: (message, err, attempts) => this.deadLetter(topic, partition, message, err, attempts),
        resolve: (offset) => {
          resolveOffset(offset);
          next = BigInt(offset) + 1n;
        },
        attemptsSoFar: failure?.offset === head ? failure.attempts : 0,
        maxAttempts: this.options.maxAttempts ?? Infinity,
      });
      await commitOffsetsIfNecessary();
      if (outcome.status === 'retry') {
        const attempts = (failure?.offset === String(next) ? failure.attempts : 0) + 1;
        this.failures.set(key, { offset: String(next), attempts });
        const delayMs = backoffDelay(attempts, this.options.backoff);
        this.logger.warn({ err: outcome.error, partition, offset: String(next), attempts, delayMs }, 'transient failure, will retry');
        await patientSleep(delayMs, { heartbeat, shouldStop: stop });
        break; // unresolved records are fetched again from the first unresolved offset
      }
      this.failures.delete(key);
      await heartbeat();
    }
    this.lastBatchAt = new Date();
    this.lag.set(key, Math.max(0, Number(BigInt(batch.highWatermark) - next)));
  }

  private async deadLetter(topic: string, partition: number, message: RawMessage, err: unknown, attempts: number) {
    if (this.options.topic === DLQ_TOPIC) {
      // Re-dead-lettering would loop; the record is not lost, it stays in the DLQ for its retention.
      this.logger.error({ err, partition, offset: message.offset }, 'unprocessable DLQ record skipped, left in the DLQ');
      return;
    }
    const value = toDlqRecord({ topic, partition, groupId: this.groupId, message }, err, attempts);
    await this.options.producer.send(DLQ_TOPIC, [{ key: value.key, value }]);
    this.logger.warn({ err, partition, offset: message.offset, attempts }, 'record sent to the DLQ');
  }
}
