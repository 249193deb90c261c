/**
 * The sender replica's parts, wired the same way for main.ts and the integration tests: the
 * ORM, the Graph client, the Sender (send + control consumers, rates, gate, throughput) and,
 * when enabled, the planner. `closers()` is the drain order: planner (no new work), send
 * consumer (finish in-flight sends, write results, commit offsets), control, rates, producers,
 * Graph sockets, database.
 */
import { hostname } from 'node:os';
import { createOrm, type MikroORM } from '@dbulk/db';
import { createPlanner, type Planner, type PlannerDeps } from '@dbulk/domain-campaigns';
import { Sender, type SenderOptions } from '@dbulk/domain-sending';
import { createKeyring } from '@dbulk/domain-whatsapp';
import { createKafka, kafkaConnection, TypedProducer } from '@dbulk/kafka';
import type { Closer } from '@dbulk/lifecycle';
import type { Logger } from '@dbulk/logger';
import { GraphClient, graphClientOptionsFromEnv } from '@dbulk/meta';
import type { Registry } from 'prom-client';
import type { ReadyReport } from './app';
import type { SenderEnv } from './env';
import { createMetrics } from './metrics';

/** Knobs the environment does not expose: tests use their own groups, locks and faster timings. */
export interface WorkerOverrides {
  groupPurpose?: string;
  replicaId?: string;
  consumerTimings?: SenderOptions['consumerTimings'];
  retryPolicy?: SenderOptions['retryPolicy'];
  bucket?: SenderOptions['bucket'];
  planner?: Partial<Pick<PlannerDeps, 'lockKey' | 'tenantIds' | 'queuedLeaseMs' | 'maxPerTick'>>;
}

const READY_TIMEOUT_MS = 2_000;

export class SenderWorker {
  readonly sender: Sender;
  readonly planner: Planner | null;
  readonly registry: Registry;
  private readonly plannerProducer: TypedProducer | null;
  /** False in a planner-only process: the Sender is built (metrics read it) but never started. */
  private readonly consuming: boolean;

  private constructor(
    readonly orm: MikroORM,
    private readonly graph: GraphClient,
    env: SenderEnv,
    private readonly logger: Logger,
    overrides: WorkerOverrides,
  ) {
    this.consuming = env.SENDER_CONSUMER_ENABLED;
    const kafka = createKafka({ ...kafkaConnection(env), clientId: `${env.KAFKA_CLIENT_ID}-sender`, logger });
    this.sender = new Sender({
      orm,
      kafka,
      logger,
      graph,
      keyring: createKeyring(env.ENCRYPTION_KEY, env.ENCRYPTION_KEYS_PREVIOUS),
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      concurrency: env.SENDER_CONCURRENCY,
      partitionsConcurrently: env.SENDER_PARTITIONS_CONCURRENTLY,
      chunkSize: env.SENDER_CHUNK_SIZE,
      horizonMs: env.SENDER_RATE_HORIZON_MS,
      replicaId: overrides.replicaId ?? `${hostname()}-${process.pid}`,
      groupPurpose: overrides.groupPurpose ?? env.SENDER_GROUP_PURPOSE,
      consumerTimings: { sessionTimeoutMs: env.SENDER_SESSION_TIMEOUT_MS, ...overrides.consumerTimings },
      retryPolicy: overrides.retryPolicy,
      bucket: overrides.bucket,
    });
    if (env.PLANNER_ENABLED) {
      // Idempotent: nobody waits on the planner's produce deadline, so broker-side dedupe is free.
      this.plannerProducer = new TypedProducer({ kafka, logger, topicPrefix: env.KAFKA_TOPIC_PREFIX, idempotent: true });
      this.planner = createPlanner({
        orm,
        producer: this.plannerProducer,
        logger,
        topicPrefix: env.KAFKA_TOPIC_PREFIX,
        tickMs: env.PLANNER_TICK_MS,
        lookaheadSeconds: env.PLANNER_LOOKAHEAD_SECONDS,
        sendingLeaseMs: env.PLANNER_SENDING_LEASE_MS,
        ...overrides.planner,
      });
    } else {
      this.plannerProducer = null;
      this.planner = null;
    }
    this.registry = createMetrics(this.sender, () => this.planner?.isLeader() ?? false);
  }

  /** Connects the database (fails fast when it is unreachable); Kafka connects in start(). */
  static async create(env: SenderEnv, logger: Logger, overrides: WorkerOverrides = {}): Promise<SenderWorker> {
    // Each partition worked on holds a connection while writing; the planner pins one for its lock.
    const poolMax = Math.max(env.DATABASE_POOL_MAX, env.SENDER_PARTITIONS_CONCURRENTLY * 2 + 3);
    const orm = await createOrm({ url: env.DATABASE_URL, poolMax });
    const graph = new GraphClient({
      ...graphClientOptionsFromEnv(env),
      connections: env.SENDER_CONCURRENCY,
      headersTimeoutMs: env.SENDER_GRAPH_TIMEOUT_MS,
      bodyTimeoutMs: env.SENDER_GRAPH_TIMEOUT_MS,
      logger: logger.child({ component: 'graph' }, { level: 'error' }),
    });
    return new SenderWorker(orm, graph, env, logger, overrides);
  }

  async start(): Promise<void> {
    if (this.consuming) await this.sender.start();
    if (this.plannerProducer && this.planner) {
      await this.plannerProducer.start();
      await this.planner.start();
    }
    this.logger.info({ groups: this.consuming ? this.sender.groupIds : [], planner: this.planner ? 'on' : 'off' }, 'sending');
  }

  /** `extra` (the HTTP server) closes after Kafka and before the database. */
  closers(extra: Closer[] = []): Closer[] {
    return [
      ...(this.planner ? [{ name: 'planner', close: () => this.planner!.stop() }] : []),
      ...(this.consuming ? this.sender.closers() : []),
      ...(this.plannerProducer ? [{ name: 'planner-producer', close: () => this.plannerProducer!.shutdown() }] : []),
      { name: 'graph', close: () => this.graph.close() },
      ...extra,
      { name: 'database', close: () => this.orm.close(true) },
    ];
  }

  async ready(): Promise<ReadyReport> {
    const consumer = !this.consuming ? 'off' : this.sender.consumer.health().connected ? 'connected' : 'disconnected';
    const planner = this.planner ? (this.planner.isLeader() ? 'leader' : 'follower') : 'off';
    let database: ReadyReport['database'] = 'up';
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      });
      await Promise.race([this.orm.em.getConnection().execute('select 1'), deadline]);
    } catch (err) {
      this.logger.warn({ err }, 'database is not ready');
      database = 'down';
    } finally {
      clearTimeout(timer);
    }
    return { ready: consumer !== 'disconnected' && database === 'up', consumer, database, planner };
  }
}
