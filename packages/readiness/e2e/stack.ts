/**
 * The whole product as built processes for the readiness test: ingest, the Meta sandbox
 * (posting signed webhooks to ingest), the processor, the sender with its planner, and the
 * api (Graph API = the sandbox) — on this run's own database, Kafka topic prefix and consumer
 * groups, so nothing else running on the stack sees its records. Logs under
 * test-output/readiness/logs.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from '@dbulk/testing';
import { REPO_ROOT, run, startProcess, stopProcess, waitForHttp, type Started } from '@dbulk/testing/e2e';
import { createKafka, reconcileTopics, TOPICS } from '@dbulk/kafka';
import { createLogger } from '@dbulk/logger';

export interface ReadinessStack {
  apiUrl: string;
  ingestUrl: string;
  sandboxUrl: string;
  admin: { email: string; password: string };
  verifyToken: string;
  stop(): Promise<void>;
}

const main = (app: string) => path.join(REPO_ROOT, 'apps', app, 'dist', 'main.js');

export async function startReadinessStack(databaseUrl: string, brokers: string[]): Promise<ReadinessStack> {
  const id = randomBytes(4).toString('hex');
  const prefix = `readiness-${id}.`;
  const logDir = path.join(REPO_ROOT, 'test-output', 'readiness', 'logs');
  const secret = `readiness-secret-${id}`;
  const verifyToken = `readiness-verify-${id}`;
  const admin = { email: `readiness-admin-${id}@example.test`, password: `readiness-${randomBytes(8).toString('hex')}` };
  const kafka = createKafka({ brokers, clientId: `readiness-${id}`, logger: createLogger({ name: 'readiness-it', level: 'warn' }) });
  const kafkaAdmin = kafka.admin();
  await kafkaAdmin.connect();
  await reconcileTopics(kafkaAdmin, Object.values(TOPICS), { topicPrefix: prefix });

  const procs: Started[] = [];
  const common = { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix };
  const encryption = { ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
  const start = async (name: string, env: Record<string, string>, probe = '/readyz') => {
    const port = await freePort();
    const proc = startProcess(name, process.execPath, ['--enable-source-maps', main(name)], { cwd: REPO_ROOT, env: { ...common, ...env, PORT: String(port) }, logDir });
    procs.push(proc);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}${probe}`, proc, 60_000);
    return url;
  };
  const stop = async () => {
    for (const proc of [...procs].reverse()) await stopProcess(proc);
    const topics = (await kafkaAdmin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await kafkaAdmin.deleteTopics({ topics }).catch(() => undefined);
    await kafkaAdmin.disconnect();
  };
  try {
    const ingestUrl = await start('ingest', { META_APP_SECRET: secret, META_WEBHOOK_VERIFY_TOKEN: verifyToken });
    const sandboxUrl = await start('meta-sandbox', { META_APP_SECRET: secret, SANDBOX_CONTROL: 'true', SANDBOX_WEBHOOK_URL: `${ingestUrl}/webhooks/whatsapp`, SANDBOX_APPROVAL_DELAY_MS: '600000' }, '/healthz');
    await start('processor', { DATABASE_URL: databaseUrl, PROCESSOR_GROUP_PURPOSE: `readiness-${id}`, WEBHOOK_RETENTION_INTERVAL_MINUTES: '0' });
    await start('sender', { ...encryption, DATABASE_URL: databaseUrl, META_GRAPH_URL: sandboxUrl, SENDER_GROUP_PURPOSE: `readiness-${id}`, PLANNER_TICK_MS: '200' });
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const apiEnv = { ...encryption, DATABASE_URL: databaseUrl, META_GRAPH_URL: sandboxUrl, META_SANDBOX_URL: sandboxUrl, META_APP_SECRET: secret, META_APP_ID: '100000000000000', PUBLIC_URL: apiUrl };
    await run(process.execPath, [path.join(REPO_ROOT, 'apps/api/dist/cli.js'), 'create-admin', '--email', admin.email, '--password', admin.password], { cwd: REPO_ROOT, env: { ...common, ...apiEnv } });
    const proc = startProcess('api', process.execPath, ['--enable-source-maps', main('api')], { cwd: REPO_ROOT, env: { ...common, ...apiEnv, PORT: String(apiPort) }, logDir });
    procs.push(proc);
    await waitForHttp(`${apiUrl}/readyz`, proc, 60_000);
    return { apiUrl, ingestUrl, sandboxUrl, admin, verifyToken, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
