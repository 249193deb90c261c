/**
 * Talking to a deployment as its users do: typed tRPC clients for the tenant and admin roots
 * (one session cookie each, Origin on every request for the CSRF check), and plain HTTP for
 * probes, the CSV upload, ingest and the sandbox's control API.
 * @see https://trpc.io/docs/client/vanilla/setup
 */
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AdminRouter, TenantRouter } from '@dbulk/api';

export const HTTP_TIMEOUT_MS = 15_000;

/** One user's session: the cookie the api set, sent back on every request. */
export class Session {
  private cookie: string | null = null;

  constructor(readonly origin: string) {}

  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('origin', this.origin);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(input, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    const set = response.headers.getSetCookie().find((c) => c.startsWith('dbulk_session='));
    if (set) this.cookie = set.split(';')[0]!;
    return response;
  };
}

export function tenantClient(apiUrl: string, session: Session) {
  return createTRPCClient<TenantRouter>({ links: [httpLink({ url: `${apiUrl}/trpc/tenant`, fetch: session.fetch })] });
}

export function adminClient(apiUrl: string, session: Session) {
  return createTRPCClient<AdminRouter>({ links: [httpLink({ url: `${apiUrl}/trpc/admin`, fetch: session.fetch })] });
}

export type TenantClient = ReturnType<typeof tenantClient>;
export type AdminClient = ReturnType<typeof adminClient>;

export async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T };
}

export async function sendJson<T = unknown>(method: string, url: string, payload: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value (not undefined), or throws with the last observation after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err instanceof Error ? err.message : err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(intervalMs);
  }
}
