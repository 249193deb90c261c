/**
 * tRPC over plain HTTP as the api serves it (`/trpc/tenant/<router.procedure>`, no transformer):
 * a query is `GET ?input=<json>`, a mutation `POST` with the input as the JSON body and an allowed
 * Origin (the api's CSRF check). Answers are `{ result: { data } }` or `{ error }`.
 * Plain module.
 * @see https://trpc.io/docs/rpc
 */
import { JourneyError, type Reply, type RequestSpec } from './client.ts';
import type { LoadConfig } from './config.ts';
import type { Endpoint } from './thresholds.ts';

export const SESSION_COOKIE = 'dbulk_session';

const headers = (session: string | null, extra: Record<string, string> = {}) => ({
  accept: 'application/json',
  ...(session ? { cookie: `${SESSION_COOKIE}=${session}` } : {}),
  ...extra,
});

export function trpcQuery(cfg: LoadConfig, path: string, input: unknown, endpoint: Endpoint, session: string | null): RequestSpec {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return { method: 'GET', url: `${cfg.apiUrl}/trpc/tenant/${path}${query}`, headers: headers(session), endpoint };
}

export function trpcMutation(cfg: LoadConfig, path: string, input: unknown, endpoint: Endpoint, session: string | null): RequestSpec {
  return {
    method: 'POST',
    url: `${cfg.apiUrl}/trpc/tenant/${path}`,
    headers: headers(session, { 'content-type': 'application/json', origin: cfg.origin }),
    body: JSON.stringify(input ?? null),
    endpoint,
  };
}

/** The procedure's data, or a JourneyError with the api's message and app code. */
export function trpcData<T>(reply: Reply, path: string): T {
  let parsed: { result?: { data: T }; error?: { message?: string; data?: { appCode?: string } } };
  try {
    parsed = JSON.parse(reply.body) as typeof parsed;
  } catch {
    throw new JourneyError(`${path}: HTTP ${reply.status}, not JSON: ${reply.body.slice(0, 200)}`);
  }
  if (reply.status !== 200 || !parsed.result) {
    const e = parsed.error;
    throw new JourneyError(`${path}: HTTP ${reply.status} ${e?.data?.appCode ?? ''} ${e?.message ?? reply.body.slice(0, 200)}`.trim());
  }
  return parsed.result.data;
}

/** The session token a sign-up or sign-in set. */
export function sessionFrom(reply: Reply): string | null {
  for (const line of (reply.headers['set-cookie'] ?? '').split('\n')) {
    const m = new RegExp(`^\\s*${SESSION_COOKIE}=([^;]+)`).exec(line);
    if (m) return m[1]!;
  }
  return null;
}
