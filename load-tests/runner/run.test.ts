/**
 * The runner end to end against a local stand-in for ingest: it signs like Meta (ingest's own
 * verification accepts it), plays the smoke profile, writes the JSON summary, and fails when the
 * server answers errors.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '@dbulk/meta';
import { runScenario } from './run.ts';

const SECRET = 'unit-secret';
const seen = { ok: 0, badSignature: 0 };
let url = '';
let failing = false;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const check = verifySignature(SECRET, Buffer.concat(chunks), req.headers['x-hub-signature-256'] as string | undefined);
    if (!check.ok) seen.badSignature += 1;
    else seen.ok += 1;
    res.statusCode = failing ? 503 : check.ok ? 200 : 401;
    res.end();
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const dir = mkdtempSync(path.join(os.tmpdir(), 'load-runner-'));
const env = (extra: Record<string, string> = {}) => ({ INGEST_URL: url, META_APP_SECRET: SECRET, PROFILE: 'smoke', SUMMARY_DIR: dir, RUN_ID: 'unit', ...extra });

describe('runScenario', () => {
  it('plays webhook-ingest at 20/s for 10 s, signed as ingest verifies, and passes', async () => {
    const { summary, file } = await runScenario('webhook-ingest', { env: env(), root: dir });
    expect(seen.badSignature).toBe(0);
    expect(seen.ok).toBeGreaterThanOrEqual(195);
    expect(summary.ok).toBe(true);
    expect(summary.endpoints.webhook!.requests).toBe(seen.ok);
    expect(summary.metrics.webhook_updates!.count).toBe(380);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ scenario: 'webhook-ingest', runner: 'npm', ok: true });
  }, 30_000);

  it('fails when the server answers 503', async () => {
    failing = true;
    const { summary } = await runScenario('webhook-ingest', { env: env({ RUN_ID: 'unit2' }), root: dir });
    failing = false;
    expect(summary.ok).toBe(false);
    expect(summary.thresholds.filter((t) => !t.ok).map((t) => t.metric)).toEqual(expect.arrayContaining(['http_req_failed{endpoint:webhook}', 'checks']));
  }, 30_000);

  it('refuses a profile the npm runner cannot play', async () => {
    await expect(runScenario('webhook-ingest', { env: env({ PROFILE: 'stress' }), root: dir })).rejects.toThrow(/ramping-arrival-rate is for k6/);
  });
});
