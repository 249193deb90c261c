/**
 * Everything the routers need, built from the environment: the ORM, the audit feed (PostgreSQL
 * LISTEN for SSE), the readiness probes, and the facts `system.health` reports. `close()` tears
 * it down in reverse order; a failure half-way through start-up closes what was opened.
 * @see https://mikro-orm.io/docs/configuration
 */
import { EventEmitter } from 'node:events';
import type { ApiDeps } from '@dbulk/api';
import { createOrm } from '@dbulk/db';
import { startAuditFeed } from '@dbulk/domain-platform';
import { checkKafka, createKafka, kafkaConnection, TypedProducer } from '@dbulk/kafka';
import { startEventsHub, type EventsHub } from '@dbulk/domain-campaigns';
import { createKeyring } from '@dbulk/domain-whatsapp';
import { GraphClient, graphClientOptionsFromEnv } from '@dbulk/meta';
import type { Logger } from '@dbulk/logger';
import packageJson from '../package.json' with { type: 'json' };
import type { ApiEnv } from './env';
import { createHealthCheck, READINESS_TIMEOUT_MS } from './readiness';

export interface RuntimeDeps extends ApiDeps {
  close(): Promise<void>;
}

export type DepsEnv = Pick<
  ApiEnv,
  | 'DATABASE_URL'
  | 'DATABASE_POOL_MAX'
  | 'KAFKA_BROKERS'
  | 'KAFKA_CLIENT_ID'
  | 'allowedOrigins'
  | 'META_GRAPH_URL'
  | 'META_API_VERSION'
  | 'META_APP_ID'
  | 'META_APP_SECRET'
  | 'META_SANDBOX_URL'
  | 'ENCRYPTION_KEY'
  | 'ENCRYPTION_KEYS_PREVIOUS'
> &
  Partial<Pick<ApiEnv, 'KAFKA_TOPIC_PREFIX'>>;

export async function createDeps(env: DepsEnv, logger: Logger): Promise<RuntimeDeps> {
  const orm = await createOrm({ url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX });
  const feedLogger = logger.child({ component: 'audit-feed' });
  const auditFeed = await startAuditFeed(env.DATABASE_URL, (err) =>
    feedLogger.warn({ err }, 'audit feed connection lost, reconnecting'),
  ).catch(async (err: unknown) => {
    await orm.close(true);
    throw err;
  });

  // Health only: no retries (the probe repeats) and silent, since a failed probe is logged once below.
  const kafka = createKafka({
    ...kafkaConnection(env),
    clientId: `${env.KAFKA_CLIENT_ID}-api-health`,
    logger: logger.child({ component: 'kafka-health' }, { level: 'silent' }),
    connectionTimeoutMs: 1_000,
    retry: { retries: 0 },
  });
  const health = createHealthCheck({
    logger: logger.child({ component: 'readiness' }),
    probes: {
      database: () => orm.em.getConnection().execute('select 1'),
      kafka: () => checkKafka(kafka, READINESS_TIMEOUT_MS),
    },
  });

  const streams = startCampaignStreams(env, logger);

  const graph = new GraphClient({ ...graphClientOptionsFromEnv(env), logger: logger.child({ component: 'graph' }) });
  const appToken = env.META_APP_ID && env.META_APP_SECRET ? `${env.META_APP_ID}|${env.META_APP_SECRET}` : undefined;

  return {
    orm,
    logger,
    whatsapp: { graph, keyring: createKeyring(env.ENCRYPTION_KEY, env.ENCRYPTION_KEYS_PREVIOUS), appToken },
    sandboxUrl: env.META_SANDBOX_URL ?? null,
    auditFeed: auditFeed.emitter,
    events: streams.events,
    producer: streams.producer,
    health,
    version: packageJson.version,
    startedAt: new Date(),
    allowedOrigins: env.allowedOrigins,
    async close() {
      await graph.close();
      await streams.close();
      await auditFeed.close();
      await orm.close(true);
    },
  };
}

/**
 * Campaign control records and progress out, this replica's own dbulk.events group in. Started in
 * the background so the api serves (and /readyz reports kafka down) while the broker is away;
 * until connected, pause/resume/cancel still commit and senders see them on their next status read.
 */
function startCampaignStreams(env: DepsEnv, logger: Logger) {
  const log = logger.child({ component: 'campaign-streams' });
  const kafka = createKafka({ ...kafkaConnection(env), clientId: `${env.KAFKA_CLIENT_ID}-api`, logger: log, retry: { retries: 2 } });
  const producer = new TypedProducer({ kafka, logger: log, topicPrefix: env.KAFKA_TOPIC_PREFIX });
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let hub: EventsHub | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const connect = async (delayMs: number): Promise<void> => {
    try {
      await producer.start();
      hub = await startEventsHub({ kafka, logger: log, producer, emitter: events, topicPrefix: env.KAFKA_TOPIC_PREFIX });
      if (closed) await hub.close();
    } catch (err) {
      if (closed) return;
      log.warn({ err, retryInMs: delayMs }, 'campaign streams cannot reach Kafka yet');
      timer = setTimeout(() => void connect(Math.min(delayMs * 2, 30_000)), delayMs);
    }
  };
  void connect(1_000);
  return {
    producer,
    events,
    async close() {
      closed = true;
      clearTimeout(timer);
      await hub?.close();
      await producer.shutdown().catch(() => {});
    },
  };
}
