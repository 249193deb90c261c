/**
 * The readiness check end to end: the whole stack as built processes (own database, topics and
 * groups), scripts/sandbox-test.ts run against it as an operator would, and its verdict:
 * everything the sandbox can prove holds, and it says honestly that no real WABA was proven.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testStack } from '@dbulk/testing';
import { REPO_ROOT } from '@dbulk/testing/e2e';
import type { ReadinessReport } from '../src/run';
import { prepareOwnDatabase } from './own-database';
import { startReadinessStack, type ReadinessStack } from './stack';

let stack: ReadinessStack | undefined;
const startedAt = Date.now();

beforeAll(async () => {
  const { databaseUrl, kafkaBrokers } = testStack();
  stack = await startReadinessStack(await prepareOwnDatabase(databaseUrl), kafkaBrokers);
});

afterAll(async () => {
  await stack?.stop();
});

function sandboxTest(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/sandbox-test.ts'], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('passes every sandbox-provable check and claims no real WABA', async () => {
  const s = stack!;
  const result = await sandboxTest({
    READINESS_API_URL: s.apiUrl,
    READINESS_INGEST_URL: s.ingestUrl,
    READINESS_SANDBOX_URL: s.sandboxUrl,
    READINESS_ADMIN_EMAIL: s.admin.email,
    READINESS_ADMIN_PASSWORD: s.admin.password,
    READINESS_WEBHOOK_VERIFY_TOKEN: s.verifyToken,
  });
  const report = JSON.parse(result.stdout) as ReadinessReport;
  const out = path.join(REPO_ROOT, 'test-output', 'readiness');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'sandbox-verdict.json'), result.stdout);
  const failures = report.phases.flatMap((p) => p.steps.filter((x) => x.status !== 'pass').map((x) => `${p.phase}/${x.name}: ${x.error} ${JSON.stringify(x.detail)}`));
  expect(failures, result.stderr).toEqual([]);
  expect(report).toMatchObject({
    production_readiness: 'SANDBOX_PASS',
    webhooks_working: true,
    campaign_engine_verified: true,
    safe_for_deployment: true,
    template_approved: true,
    real_waba_connected: false,
    real_messages_delivered: false,
    ready_for_build_and_deploy: false,
  });
  expect(report.phases.map((p) => p.phase)).toEqual(['connection', 'template', 'campaign', 'webhooks', 'safety']);
  expect(result.stderr).toContain('▶ phase safety');
  expect(result.code).toBe(0);
  expect(Date.now() - startedAt).toBeLessThan(180_000);
});
