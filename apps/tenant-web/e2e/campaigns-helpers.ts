/**
 * Setup the campaign journey needs but does not test (templates, contacts): tRPC calls made from
 * inside the signed-in page, so they carry its session cookie and Origin like the app's own.
 * Without a transformer, a query's input is `?input=<json>` and a mutation's is the POST body.
 */
import type { Page } from 'playwright-core';

export async function callTrpc<T = unknown>(page: Page, kind: 'query' | 'mutation', procedure: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ kind, procedure, input }) => {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response = await fetch(
        `/trpc/tenant/${procedure}${kind === 'query' ? query : ''}`,
        kind === 'query'
          ? {}
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? null) },
      );
      const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
      return { ok: response.ok, body };
    },
    { kind, procedure, input },
  );
  if (!result.ok) throw new Error(`${procedure} failed: ${JSON.stringify(result.body.error)}`);
  return result.body.result?.data as T;
}
