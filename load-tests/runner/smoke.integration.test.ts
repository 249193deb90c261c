/**
 * Each k6 scenario in its smoke profile through the npm runner, against the built apps started
 * beside the test (runner/local-stack.ts): every threshold must hold and the JSON summary must
 * have its shape. Then the facts behind the numbers: every webhook answered 200 is on Kafka,
 * every campaign recipient was sent once by the sandbox.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { physicalTopic } from '@dbulk/kafka';
import { uniqueEmail } from '@dbulk/testing';
import { journeyFor } from '../lib/journeys/index.ts';
import type { CompactSummary } from '../lib/summary.ts';
import { WEBHOOK_PHONE_NUMBER_IDS } from '../lib/webhooks.ts';
import { dropDataset, dropWebhookRows, seedDataset } from '../seed/dataset.ts';
import { signUpOwner } from '../seed/sign-up.ts';
import { ORIGIN, startLocalStack, type LocalStack } from './local-stack.ts';
import { runScenario } from './run.ts';

let stack: LocalStack;
const tenants: string[] = [];
const summaryDir = mkdtempSync(path.join(os.tmpdir(), 'load-smoke-'));
const log = (line: string) => console.log(`[load] ${line}`);

beforeAll(async () => {
  stack = await startLocalStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (!stack) return;
  await dropDataset(stack.databaseUrl, tenants).catch((err: unknown) => log(`cleanup: ${String(err)}`));
  await dropWebhookRows(stack.databaseUrl, WEBHOOK_PHONE_NUMBER_IDS).catch((err: unknown) => log(`cleanup: ${String(err)}`));
}, 60_000);

const env = (extra: Record<string, string>) => ({
  API_URL: stack.apiUrl,
  INGEST_URL: stack.ingestUrl,
  ORIGIN,
  META_APP_SECRET: stack.appSecret,
  PROFILE: 'smoke',
  RUN_ID: stack.run,
  SUMMARY_DIR: summaryDir,
  ...extra,
});

/** Passed, with a JSON file of the documented shape and an entry for every endpoint the journey calls. */
function expectPassingSummary(name: string, summary: CompactSummary, file: string) {
  expect(summary.thresholds.filter((t) => !t.ok)).toEqual([]);
  expect(summary.ok).toBe(true);
  const written = JSON.parse(readFileSync(file, 'utf8')) as CompactSummary & { errors: string[] };
  expect(written).toMatchObject({ scenario: name, profile: 'smoke', runner: 'npm', ok: true, errors: [] });
  expect(written.durationMs).toBeGreaterThan(0);
  const endpoints = journeyFor(name, () => '').endpoints;
  expect(Object.keys(written.endpoints).sort()).toEqual([...endpoints].sort());
  for (const e of Object.values(written.endpoints)) {
    expect(e.requests).toBeGreaterThan(0);
    expect(e.p95Ms).toEqual(expect.any(Number));
    expect(e.p99Ms).toEqual(expect.any(Number));
    expect(e.errorRate).toBe(0);
  }
  expect(written.metrics.checks!.rate).toBe(1);
}

describe('smoke scenarios through the npm runner', () => {
  it('webhook-ingest: 200 signed POSTs in 10 s, every one answered 200 and on Kafka', async () => {
    const { summary, file } = await runScenario('webhook-ingest', { env: env({}), root: summaryDir, log });
    expectPassingSummary('webhook-ingest', summary, file);
    expect(summary.endpoints.webhook!.requests).toBe(200);
    const admin = stack.kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(physicalTopic('dbulk.webhooks', stack.prefix));
    await admin.disconnect();
    expect(offsets.reduce((n, p) => n + Number(p.high), 0)).toBeGreaterThanOrEqual(200);
  });

  it('campaign-e2e: sign-up to every message delivered, through the api, the sender, the sandbox, ingest and the processor', async () => {
    const recipients = 20;
    const { summary, file } = await runScenario('campaign-e2e', {
      env: env({ CAMPAIGN_RECIPIENTS: String(recipients) }),
      root: summaryDir,
      log,
      onSetup: (data) => {
        const { tenantId } = data as { tenantId: string };
        tenants.push(tenantId);
        stack.scope.push(tenantId);
      },
    });
    expectPassingSummary('campaign-e2e', summary, file);
    expect(summary.metrics.campaign_messages_accepted!.count).toBe(recipients);
    expect(summary.metrics.campaign_completion_time!.count).toBe(1);
    expect(summary.metrics.campaign_delivery_time!.count).toBe(1);
    const sent = (await (await fetch(`${stack.sandboxUrl}/_sandbox/sent/summary`)).json()) as { total: number; repeated: string[] };
    expect(sent).toMatchObject({ total: recipients, repeated: [] });
  });

  it('api-reads: campaign list, messages paged and filtered, contacts search and stats over a seeded tenant', async () => {
    const email = uniqueEmail('load-reads');
    const password = 'load-reads-password';
    const tenantId = await signUpOwner(stack.apiUrl, ORIGIN, email, password);
    tenants.push(tenantId);
    await seedDataset(stack.databaseUrl, tenantId, { contacts: 5_000, campaigns: 30, messagesPerCampaign: 2_000 });
    const { summary, file } = await runScenario('api-reads', { env: env({ LOAD_EMAIL: email, LOAD_PASSWORD: password }), root: summaryDir, log });
    expectPassingSummary('api-reads', summary, file);
    // 20 iterations, each three pages deep into 2,000 messages (the FAILED filter has 200: four pages of 50).
    expect(summary.metrics.messages_rows_read!.count).toBe(20 * 150);
  });
});
