/**
 * The k6 side of the suites, played on Node through the stub of test/k6-stub.ts against a local
 * server: the scenario files' setup, default function and handleSummary with the real adapter
 * (scenarios/support/k6-client.ts) — signatures ingest accepts, the session cookie from k6's
 * cookie map, endpoint tags on every request, checks and the JSON summary's file.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifySignature } from '@dbulk/meta';
import { recorded } from './k6-stub.ts';

const SECRET = 'k6-secret';
let base = '';
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url!, 'http://x');
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    if (url.pathname === '/webhooks/whatsapp') {
      res.statusCode = verifySignature(SECRET, Buffer.concat(chunks), req.headers['x-hub-signature-256']).ok ? 200 : 401;
      return res.end();
    }
    if (url.pathname === '/trpc/tenant/auth.signIn') return json(200, { result: { data: { userId: 'u' } } }, { 'set-cookie': 'dbulk_session=tok-1; Path=/; HttpOnly' });
    if (req.headers.cookie !== 'dbulk_session=tok-1') return json(401, { error: { message: 'sign in' } });
    const input = JSON.parse(url.searchParams.get('input') ?? 'null') as { cursor?: string } | null;
    if (url.pathname === '/trpc/tenant/campaigns.list')
      return json(200, { result: { data: { items: [{ id: 'c1', counters: { total: 10 } }], nextCursor: input?.cursor ? null : 'c1' } } });
    if (url.pathname === '/trpc/tenant/campaigns.messages') return json(200, { result: { data: { items: [{}, {}], nextCursor: null } } });
    return json(200, { result: { data: { items: [], nextCursor: null } } });
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  vi.resetModules();
  recorded.checks.length = 0;
  recorded.metrics.length = 0;
  recorded.requests.length = 0;
});

type Scenario = { setup(): Promise<unknown>; default(data: unknown): Promise<void>; handleSummary(data: unknown): Record<string, string> };

async function load(name: string, env: Record<string, string>): Promise<Scenario> {
  (globalThis as { __ENV?: Record<string, string> }).__ENV = env;
  return (await import(`../scenarios/${name}.ts`)) as Scenario;
}

describe('the k6 adapter', () => {
  it('webhook-ingest: signs as ingest verifies, tags the endpoint, counts the updates', async () => {
    const scenario = await load('webhook-ingest', { INGEST_URL: base, META_APP_SECRET: SECRET, RUN_ID: 'k6' });
    const data = await scenario.setup();
    await scenario.default(data);
    expect(recorded.requests).toEqual([{ method: 'POST', url: `${base}/webhooks/whatsapp`, tags: { endpoint: 'webhook', name: 'webhook' } }]);
    expect(recorded.checks).toEqual([{ name: 'webhook answered 200', ok: true }, { name: 'iteration completed', ok: true }]);
    expect(recorded.metrics).toEqual([{ name: 'webhook_updates', value: 1 }]);
  });

  it('api-reads: signs in, carries the session from k6’s cookie map, pages and checks', async () => {
    const scenario = await load('api-reads', { API_URL: base, LOAD_EMAIL: 'a@example.test', LOAD_PASSWORD: 'pw' });
    const data = await scenario.setup();
    expect(data).toEqual({ session: 'tok-1', campaignIds: ['c1'] });
    await scenario.default(data);
    expect(recorded.requests.map((r) => r.tags.endpoint)).toEqual(['auth', 'campaigns_list', 'campaigns_list', 'campaigns_list', 'campaign_messages', 'contacts_search', 'dashboard_stats']);
    expect(recorded.checks.every((c) => c.ok)).toBe(true);
    expect(recorded.checks.at(-1)).toEqual({ name: 'iteration completed', ok: true });
    expect(recorded.metrics).toEqual([{ name: 'messages_rows_read', value: 2 }]);
  });

  it('fails the iteration check when an answer is wrong', async () => {
    const scenario = await load('webhook-ingest', { INGEST_URL: base, META_APP_SECRET: 'not-the-secret', RUN_ID: 'k6' });
    await expect(scenario.default({ runId: 'k6' })).rejects.toThrow(/HTTP 401/);
    expect(recorded.checks).toEqual([{ name: 'webhook answered 200', ok: false }, { name: 'iteration completed', ok: false }]);
  });

  it('handleSummary writes the compact JSON under SUMMARY_DIR and a text summary', async () => {
    const scenario = await load('webhook-ingest', { SUMMARY_DIR: 'out' });
    const out = scenario.handleSummary({
      state: { testRunDurationMs: 10_000 },
      metrics: {
        'http_req_duration{endpoint:webhook}': { type: 'trend', values: { 'p(95)': 12, 'p(99)': 30, count: 200 }, thresholds: { 'p(95)<200': { ok: true } } },
        'http_req_failed{endpoint:webhook}': { type: 'rate', values: { rate: 0.01 }, thresholds: { 'rate<0.001': { ok: false } } },
      },
    });
    const summary = JSON.parse(out['out/webhook-ingest.k6.summary.json']!);
    expect(summary).toMatchObject({ scenario: 'webhook-ingest', runner: 'k6', ok: false, endpoints: { webhook: { requests: 200, p95Ms: 12, p99Ms: 30, errorRate: 0.01 } } });
    expect(out.stdout).toContain('THRESHOLDS FAILED');
  });
});
