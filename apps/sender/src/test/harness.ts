/**
 * Integration helpers: this run's own copy of the topics, the sandbox (built, as a child
 * process) behind a MetaProxy, a worker wired exactly as main.ts wires it (its own groups,
 * planner lock and tenant scope), and a tenant with a connected sandbox number, an approved
 * template and a RUNNING campaign whose messages are PENDING.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Campaign, createOrm, Template, Tenant, WhatsappAccount, type MikroORM } from '@dbulk/db';
import { createKeyring, sealToken, tokenContext } from '@dbulk/domain-whatsapp';
import { TypedProducer, type KafkaAdmin, type KafkaClient } from '@dbulk/kafka';
import { createTestTopics, deleteTestTopics, testBrokers, testKafka, testLogger, uniqueName, uniqueTopicPrefix } from '@dbulk/kafka/testing';
import { startSandbox, testStack, type RunningApp } from '@dbulk/testing';
import { loadSenderEnv } from '../env';
import { SenderWorker, type WorkerOverrides } from '../worker';
import { startMetaProxy, type MetaProxy } from './meta-proxy';

export const ENCRYPTION_KEY = Buffer.alloc(32, 9).toString('base64');
export const keyring = createKeyring(ENCRYPTION_KEY);
export const FAST = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 3_000, maxWaitTimeMs: 100 };

export interface Stack {
  prefix: string;
  kafka: KafkaClient;
  admin: KafkaAdmin;
  orm: MikroORM;
  producer: TypedProducer;
  sandbox: RunningApp;
  proxy: MetaProxy;
  groups: string[];
  tenants: string[];
  workers: SenderWorker[];
  sql<T>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createStack(label: string, { partitions = 3 } = {}): Promise<Stack> {
  const prefix = uniqueTopicPrefix(label);
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, prefix, ['dbulk.send', 'dbulk.control', 'dbulk.events', 'dbulk.webhooks.dlq'], { partitions });
  const producer = new TypedProducer({ kafka, logger: testLogger('sender-test'), topicPrefix: prefix });
  await producer.start();
  const orm = await createOrm({ url: testStack().databaseUrl, poolMax: 6 });
  const sandbox = await startSandbox({ SANDBOX_READ_DELAY_MS: 'never' });
  const proxy = await startMetaProxy(sandbox.url);
  const stack: Stack = {
    prefix, kafka, admin, orm, producer, sandbox, proxy, groups: [], tenants: [], workers: [],
    sql: (query, params = []) => orm.em.fork().execute(query, params),
    async close() {
      for (const w of stack.workers) for (const c of w.closers()) await c.close().catch(() => undefined);
      await producer.shutdown();
      await admin.deleteGroups(stack.groups).catch(() => undefined);
      await deleteTestTopics(admin, prefix);
      await admin.disconnect();
      if (stack.tenants.length) {
        // Messages first: a campaign's cascade would otherwise delete them row by row with the tenant's.
        const ids = [JSON.stringify(stack.tenants)];
        const tenants = `(select (jsonb_array_elements_text(?::jsonb))::uuid)`;
        await orm.em.fork().execute(`delete from campaign_messages where tenant_id in ${tenants}`, ids);
        await orm.em.fork().execute(`delete from audit_logs where tenant_id in ${tenants}`, ids);
        await orm.em.fork().execute(`delete from campaigns where tenant_id in ${tenants}`, ids);
        await orm.em.fork().execute(`delete from tenants where id in ${tenants}`, ids);
      }
      await orm.close(true);
      await proxy.close();
      await sandbox.stop();
    },
  };
  return stack;
}

export function senderEnv(stack: Stack, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: testStack().databaseUrl,
    DATABASE_POOL_MAX: '6',
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_TOPIC_PREFIX: stack.prefix,
    META_GRAPH_URL: stack.proxy.url,
    META_API_VERSION: 'v23.0',
    ENCRYPTION_KEY,
    PLANNER_ENABLED: 'false',
    PLANNER_TICK_MS: '100',
    LOG_LEVEL: testLogger('sender').level,
    ...extra,
  };
}

/** A worker in-process; `planner` scopes the planner to the given tenants under a lock of its own. */
export async function startWorker(stack: Stack, env: Record<string, string> = {}, overrides: WorkerOverrides = {}): Promise<SenderWorker> {
  const groupPurpose = overrides.groupPurpose ?? uniqueName('send');
  const replicaId = uniqueName('replica');
  stack.groups.push(`sender.${groupPurpose}`, `sender.control-${replicaId}`);
  const worker = await SenderWorker.create(loadSenderEnv(senderEnv(stack, env)), testLogger('sender'), {
    consumerTimings: FAST,
    ...overrides,
    groupPurpose,
    replicaId,
    planner: { lockKey: randomInt(1_000_000, 2_000_000_000), tenantIds: stack.tenants, ...overrides.planner },
  });
  await worker.start();
  stack.workers.push(worker);
  return worker;
}

export const digits = (n: number) => String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');

export async function sandboxControl(stack: Stack, method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.sandbox.url}/_sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

export interface Seeded {
  tenantId: string;
  campaignId: string;
  phoneNumberId: string;
  token: string;
  phones: string[];
}

export interface SeedOptions {
  count: number;
  /** Meta's level for the sandbox number (STANDARD 80/s, HIGH 1000/s, COEXISTENCE 20/s). */
  level?: 'STANDARD' | 'HIGH' | 'COEXISTENCE';
  /** What dbulk believes the number's throughput is. */
  throughputMps?: number;
  category?: 'MARKETING' | 'UTILITY';
}

export interface SeededAccount {
  tenantId: string;
  accountId: string;
  templateId: string;
  phoneNumberId: string;
  token: string;
}

/** A tenant with a sandbox number (its token sealed as the api seals it) and the approved hello_world. */
export async function seedAccount(stack: Stack, options: Omit<SeedOptions, 'count'> = {}): Promise<SeededAccount> {
  const wabaId = digits(15);
  const phoneNumberId = digits(15);
  const token = `tok-${randomBytes(8).toString('hex')}`;
  await sandboxControl(stack, 'POST', '/accounts', {
    waba_id: wabaId, phone_number_id: phoneNumberId, access_token: token, messaging_limit_tier: 'TIER_UNLIMITED', throughput_level: options.level ?? 'STANDARD',
  });
  const em = stack.orm.em.fork();
  const tenant = em.create(Tenant, { id: randomUUID(), name: `sender ${phoneNumberId}` });
  const sealed = sealToken(keyring, token, tokenContext(tenant.id, phoneNumberId));
  const account = em.create(WhatsappAccount, {
    tenant, wabaId, phoneNumberId, displayPhoneNumber: `1555${digits(7)}`, accessTokenCiphertext: sealed.ciphertext, accessTokenKeyId: sealed.keyId,
    messagingLimitTier: 'TIER_UNLIMITED', throughputMps: options.throughputMps ?? 80, isSandbox: true,
  });
  const template = em.create(Template, {
    tenant, account, wabaId, name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hello World' }],
  });
  await em.flush();
  stack.tenants.push(tenant.id);
  return { tenantId: tenant.id, accountId: account.id, templateId: template.id, phoneNumberId, token };
}

export async function seedCampaign(stack: Stack, options: SeedOptions): Promise<Seeded> {
  const a = await seedAccount(stack, options);
  const em = stack.orm.em.fork();
  const campaign = em.create(Campaign, {
    tenant: a.tenantId, name: 'sender test', account: a.accountId, template: a.templateId, status: 'RUNNING', category: options.category ?? 'UTILITY',
    startedAt: new Date(), total: options.count, pending: options.count,
  });
  await em.flush();
  const rows = await em.execute<{ phone: string }[]>(
    `insert into campaign_messages (tenant_id, campaign_id, phone, status)
     select ?, ?, '+4915' || ? || lpad(g::text, 5, '0'), 'PENDING' from generate_series(1, ?) g returning phone`,
    [a.tenantId, campaign.id, digits(6), options.count],
  );
  return { tenantId: a.tenantId, campaignId: campaign.id, phoneNumberId: a.phoneNumberId, token: a.token, phones: rows.map((r) => r.phone) };
}

/** Status counts of a campaign, and whether its counters equal a recount. */
export async function campaignState(stack: Stack, campaignId: string) {
  const rows = await stack.sql<{ status: string; n: string }>(`select status, count(*)::text as n from campaign_messages where campaign_id = ? group by status`, [campaignId]);
  const recount = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const [c] = await stack.sql<Record<string, unknown>>(`select * from campaigns where id = ?`, [campaignId]);
  const columns: Record<string, string> = { PENDING: 'pending', QUEUED: 'queued', SENDING: 'sending', RETRY_WAIT: 'retry_wait', ACCEPTED: 'accepted', SENT: 'sent', DELIVERED: 'delivered', READ: 'read', FAILED: 'failed', SKIPPED: 'skipped' };
  const countersMatch = Object.entries(columns).every(([status, col]) => Number(c![col]) === (recount[status] ?? 0));
  return { recount, campaign: c!, countersMatch };
}

/** Per-recipient send counts at the sandbox (its summary never evicts). */
export async function sandboxCounts(stack: Stack): Promise<Map<string, number>> {
  const summary = await sandboxControl(stack, 'GET', '/sent/summary');
  const recipients = (summary.recipients ?? []) as { recipient: string; count: number }[];
  return new Map(recipients.map((r) => [r.recipient, r.count]));
}

/** Marks PENDING rows QUEUED (counters kept) and produces them as the planner would, `per` ids a record. */
export async function queueAndProduce(stack: Stack, s: Seeded, per = 50): Promise<string[]> {
  const rows = await stack.sql<{ id: string }>(
    `with old as (select id, campaign_id, status from campaign_messages where campaign_id = ? and status = 'PENDING' for update),
     moved as (update campaign_messages m set status = 'QUEUED', queued_at = now() from old where m.id = old.id
               returning m.id, m.campaign_id, old.status as old_status, m.status as new_status),
     upd as (update campaigns c set pending = c.pending - (select count(*) from moved), queued = c.queued + (select count(*) from moved) where c.id = ?)
     select id::text from moved order by id`,
    [s.campaignId, s.campaignId],
  );
  const ids = rows.map((r) => r.id);
  const records = [];
  for (let i = 0; i < ids.length; i += per) records.push({ key: s.tenantId, value: { tenantId: s.tenantId, campaignId: s.campaignId, messageIds: ids.slice(i, i + per) } });
  await stack.producer.send('dbulk.send', records);
  return ids;
}
