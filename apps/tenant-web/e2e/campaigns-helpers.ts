/**
 * What the campaign journey needs beside the browser: setup it does not test (templates,
 * contacts) as tRPC calls made from inside the signed-in page (its session cookie and Origin;
 * without a transformer a query's input is `?input=<json>`, a mutation's the POST body), the
 * sender app, and the Meta sandbox's scenario.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startBuiltApp, testStack, type RunningApp } from '@dbulk/testing';
import { readDataEnv } from '@dbulk/testing/e2e';

export async function callTrpc<T = unknown>(
  page: Page,
  kind: 'query' | 'mutation',
  procedure: string,
  input: unknown,
): Promise<T> {
  const result = await page.evaluate(
    async ({ kind, procedure, input }) => {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response = await fetch(
        `/trpc/tenant/${procedure}${kind === 'query' ? query : ''}`,
        kind === 'query'
          ? {}
          : {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(input ?? null),
            },
      );
      const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
      return { ok: response.ok, body };
    },
    { kind, procedure, input },
  );
  if (!result.ok) throw new Error(`${procedure} failed: ${JSON.stringify(result.body.error)}`);
  return result.body.result?.data as T;
}

/** The sender app (planner + consumer of dbulk.send) against the same database, Kafka and sandbox as the api. */
export async function startSender(sandboxUrl: string): Promise<RunningApp> {
  const stack = testStack();
  const stackEnv = readDataEnv('stack.env');
  const devSecrets = readDataEnv('dev-secrets.env');
  // The same key precedence as the api the web stack started (it must open the tokens the api sealed).
  const encryptionKey =
    stackEnv.ENCRYPTION_KEY ??
    process.env.ENCRYPTION_KEY ??
    devSecrets.ENCRYPTION_KEY ??
    Buffer.alloc(32, 1).toString('base64');
  return startBuiltApp(
    'sender',
    {
      DATABASE_URL: stack.databaseUrl,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      META_GRAPH_URL: sandboxUrl,
      META_APP_SECRET: 'e2e-meta-app-secret',
      ENCRYPTION_KEY: encryptionKey,
      PLANNER_ENABLED: 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    { timeoutMs: 60_000 },
  );
}

export type Scenario = { nonWhatsAppPrefixes?: string[] };

/** Reads the sandbox's scenario, or patches it (deep-partial) and returns the result. */
export async function sandboxScenario(sandboxUrl: string, patch?: Scenario): Promise<Scenario> {
  const response = await fetch(`${sandboxUrl}/_sandbox/scenario`, {
    method: patch ? 'PUT' : 'GET',
    ...(patch ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) } : {}),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Scenario;
}
