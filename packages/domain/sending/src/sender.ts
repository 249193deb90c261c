/**
 * The sender's moving parts for one replica: the `sender.send` group on dbulk.send, a
 * `sender.control-<replica>` member of its own on dbulk.control (every replica hears every
 * decision; it starts at the end, the database covers the past), the rate buckets, the gate,
 * the throughput meter and a producer (progress, pauses, DLQ). `closers()` is the drain order:
 * stop fetching and finish the in-flight sends (results written, offsets committed), then the
 * rest. Hosted by apps/sender.
 * @see https://kafka.js.org/docs/consuming
 */
import type { MikroORM } from '@dbulk/db';
import type { Keyring } from '@dbulk/domain-whatsapp';
import { BatchConsumer, TypedProducer, type KafkaClient } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import type { GraphClient } from '@dbulk/meta';
import { SendGate } from './gate/send-gate';
import { RateRegistry } from './rate/rate-registry';
import type { TokenBucketOptions } from './rate/token-bucket';
import { CampaignContexts } from './send/campaign-context';
import type { RetryPolicy } from './send/outcome';
import { createSendHandler } from './send/send-batch';
import { Semaphore } from './send/semaphore';
import { ThroughputMeter } from './send/throughput';

export interface SenderOptions {
  orm: MikroORM;
  kafka: KafkaClient;
  logger: Logger;
  graph: GraphClient;
  keyring: Keyring;
  topicPrefix?: string;
  /** Sends in flight per replica. */
  concurrency?: number;
  partitionsConcurrently?: number;
  /** Records per handler call. */
  chunkSize?: number;
  horizonMs?: number;
  gateTtlMs?: number;
  /** Unique per replica (hostname-pid); names the control group. */
  replicaId: string;
  groupPurpose?: string;
  retryPolicy?: RetryPolicy;
  bucket?: Omit<TokenBucketOptions, 'rate' | 'accountMax' | 'ceiling'>;
  consumerTimings?: {
    sessionTimeoutMs?: number;
    heartbeatIntervalMs?: number;
    rebalanceTimeoutMs?: number;
    maxWaitTimeMs?: number;
  };
}

export class Sender {
  readonly producer: TypedProducer;
  readonly consumer: BatchConsumer<'dbulk.send'>;
  readonly control: BatchConsumer<'dbulk.control'>;
  readonly gate: SendGate;
  readonly rates: RateRegistry;
  readonly throughput: ThroughputMeter;
  readonly semaphore: Semaphore;
  private readonly sends: ReturnType<typeof createSendHandler>;

  constructor(private readonly options: SenderOptions) {
    const { orm, kafka, logger, topicPrefix } = options;
    this.producer = new TypedProducer({ kafka, logger, topicPrefix });
    this.gate = new SendGate({ ttlMs: options.gateTtlMs ?? 1_000 });
    this.rates = new RateRegistry(orm, logger.child({ component: 'rates' }), options.bucket);
    this.throughput = new ThroughputMeter(this.producer, logger, (id) => this.rates.get(id)?.rate);
    this.semaphore = new Semaphore(options.concurrency ?? 32);
    const timings = options.consumerTimings ?? {};
    this.consumer = new BatchConsumer({
      kafka,
      logger,
      app: 'sender',
      purpose: options.groupPurpose ?? 'send',
      topic: 'dbulk.send',
      topicPrefix,
      producer: this.producer,
      chunkSize: options.chunkSize ?? 50,
      partitionsConsumedConcurrently: options.partitionsConcurrently ?? 4,
      handler: (records) => this.sends.handle(records),
      ...timings,
    });
    this.sends = createSendHandler({
      orm,
      graph: options.graph,
      producer: this.producer,
      logger,
      gate: this.gate,
      rates: this.rates,
      contexts: new CampaignContexts(options.keyring),
      semaphore: this.semaphore,
      throughput: this.throughput,
      horizonMs: options.horizonMs ?? 5_000,
      retryPolicy: options.retryPolicy,
    });
    this.control = new BatchConsumer({
      kafka,
      logger,
      app: 'sender',
      purpose: `control-${options.replicaId.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`,
      topic: 'dbulk.control',
      topicPrefix,
      producer: this.producer,
      fromBeginning: false,
      handler: async (records) => {
        for (const { value } of records) {
          this.gate.apply(value);
          if (value.type === 'rate') await this.rates.reload(value.phoneNumberId);
        }
      },
      ...timings,
      maxWaitTimeMs: Math.min(timings.maxWaitTimeMs ?? 250, 250),
    });
  }

  async start(): Promise<void> {
    await this.producer.start();
    this.rates.start();
    this.throughput.start();
    // Control first: a stop decided while the send consumer joins must already be heard.
    await this.control.start();
    await this.consumer.start();
  }

  closers(): { name: string; close: () => Promise<void> }[] {
    return [
      { name: 'send-consumer', close: () => this.consumer.shutdown() },
      { name: 'sends-in-flight', close: () => this.sends.drain() },
      { name: 'control-consumer', close: () => this.control.shutdown() },
      { name: 'throughput', close: () => this.throughput.stop() },
      { name: 'rates', close: () => this.rates.stop() },
      { name: 'producer', close: () => this.producer.shutdown() },
    ];
  }

  /** Chunks whose sends are still running or being written. */
  get chunksInFlight(): number {
    return this.sends.inFlight();
  }

  get groupIds(): string[] {
    return [this.consumer.groupId, this.control.groupId];
  }
}
