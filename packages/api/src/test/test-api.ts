/**
 * Test support for procedure tests: a real ORM on `dbulk_test`, the real audit feed, and
 * "browsers" that keep their session cookie between calls. Tests only; not exported.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createOrm } from '@dbulk/db';
import { GraphClient } from '@dbulk/meta';
import { createKeyring } from '@dbulk/domain-whatsapp';
import { createLogger } from '@dbulk/logger';
import { startAuditFeed } from '@dbulk/domain-platform';
import { testStack, uniqueEmail, unique } from '@dbulk/testing';
import { TypedProducer } from '@dbulk/kafka';
import { testKafka } from '@dbulk/kafka/testing';
import { createContext, type ApiDeps, type RequestMeta } from '../context';
import { createCallerFactory } from '../trpc';
import { adminRouter, tenantRouter } from '../root';

export const ORIGIN = 'http://localhost:5173';
const tenantCaller = createCallerFactory(tenantRouter);
const adminCaller = createCallerFactory(adminRouter);

export interface TestApiOptions {
  /** A running Meta sandbox (see startSandbox in @dbulk/testing); Graph calls fail without one. */
  sandboxUrl?: string;
  /** Produce campaign control/progress records to Kafka topics under this prefix (created by the test). Without it they are only kept in `produced`. */
  topicPrefix?: string;
  /** The dbulk.events fan-out the subscriptions read (a test may start a real hub and pass its emitter). */
  events?: EventEmitter;
}

/** A producer that connects on first use (most procedure tests never produce) or only records. */
function testProducer(topicPrefix: string | undefined) {
  const produced: { topic: string; records: unknown[] }[] = [];
  let producer: TypedProducer | undefined;
  let started: Promise<void> | undefined;
  const send: TypedProducer['send'] = async (topic, records, options) => {
    produced.push({ topic, records });
    if (topicPrefix === undefined) return [];
    producer ??= new TypedProducer({ kafka: testKafka(), logger: createLogger({ name: 'api-test', level: 'silent' }), topicPrefix });
    started ??= producer.start();
    await started;
    return producer.send(topic, records, options);
  };
  return { send, produced, close: async () => (started ? producer?.shutdown() : undefined) };
}

export async function createTestApi(options: TestApiOptions = {}) {
  const { databaseUrl } = testStack();
  const orm = await createOrm({ url: databaseUrl, poolMax: 5 });
  const feed = await startAuditFeed(databaseUrl);
  const producer = testProducer(options.topicPrefix);
  const deps: ApiDeps = {
    orm,
    logger: createLogger({ name: 'api-test', level: 'silent' }),
    auditFeed: feed.emitter,
    events: options.events ?? new EventEmitter(),
    producer,
    health: async () => ({ database: 'up', kafka: 'up' }),
    version: 'test',
    startedAt: new Date(),
    allowedOrigins: [ORIGIN],
    whatsapp: {
      // Port 9 (discard) refuses connections: a test that reaches Meta without a sandbox fails loudly.
      graph: new GraphClient({ graphUrl: options.sandboxUrl ?? 'http://127.0.0.1:9', apiVersion: 'v23.0' }),
      keyring: createKeyring(randomBytes(32).toString('base64')),
    },
    sandboxUrl: options.sandboxUrl ?? null,
  };
  return {
    deps,
    orm,
    /** Every record the api produced (topic and records), in order. */
    produced: producer.produced,
    browser: (options: { ip?: string; origin?: string | null } = {}) => new TestBrowser(deps, options),
    close: async () => {
      await deps.whatsapp.graph.close();
      await feed.close();
      await producer.close();
      await orm.close(true);
    },
  };
}
export type TestApi = Awaited<ReturnType<typeof createTestApi>>;

/** One user agent: holds the session cookie the api sets, like a browser would. */
export class TestBrowser {
  token: string | null = null;
  constructor(
    private readonly deps: ApiDeps,
    private readonly options: { ip?: string; origin?: string | null },
  ) {}

  private meta(): RequestMeta {
    return {
      ip: this.options.ip ?? '127.0.0.1',
      userAgent: 'vitest',
      origin: this.options.origin === undefined ? ORIGIN : this.options.origin,
      sessionToken: this.token,
      cookies: {
        setSession: (token) => {
          this.token = token;
        },
        clearSession: () => {
          this.token = null;
        },
      },
    };
  }

  /** `signal` ends subscriptions started through this caller. */
  async tenant(options: { signal?: AbortSignal } = {}) {
    return tenantCaller(await createContext(this.deps, this.meta()), options);
  }

  /** `signal` ends subscriptions started through this caller. */
  async admin(options: { signal?: AbortSignal } = {}) {
    return adminCaller(await createContext(this.deps, this.meta()), options);
  }

  /** Signs up with a fresh tenant; returns the ids and credentials. */
  async signUp(input: { email?: string; password?: string; tenantName?: string; invitationToken?: string; name?: string } = {}) {
    const email = input.email ?? uniqueEmail();
    const password = input.password ?? 'correct horse battery';
    const result = await (await this.tenant()).auth.signUp({
      email,
      password,
      name: input.name ?? 'Test User',
      ...(input.invitationToken ? { invitationToken: input.invitationToken } : { tenantName: input.tenantName ?? unique('Tenant') }),
    });
    return { ...result, email, password };
  }
}

/** The tRPC error code of a rejected call, or 'OK'. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (err) {
    return (err as { code?: string }).code ?? 'UNKNOWN';
  }
}
