/**
 * The api over HTTP against the stack's real PostgreSQL (dbulk_test) and Kafka: through
 * `app.inject()`, and through a listening server for the SSE subscription.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '@dbulk/db';
import { createLogger } from '@dbulk/logger';
import { testStack, uniqueEmail, unique } from '@dbulk/testing';
import { runCli } from './admin-cli';
import { buildApp, type ApiApp } from './app';
import { testDepsEnv, TEST_ORIGIN } from './test-deps';
import { createDeps, type DepsEnv, type RuntimeDeps } from './deps';

const ORIGIN = TEST_ORIGIN;
const PASSWORD = 'correct horse battery staple';
const stack = testStack();
const logger = createLogger({ name: 'api-it', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const depsEnv = (brokers = stack.kafkaBrokers): DepsEnv => testDepsEnv('dbulk-api-it', brokers);

let deps: RuntimeDeps;
let app: ApiApp;

beforeAll(async () => {
  deps = await createDeps(depsEnv(), logger);
  app = await buildApp(deps, { bodyLimitBytes: 16 * 1024 });
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

type Root = 'tenant' | 'admin';
const query = (path: string, cookie?: string, root: Root = 'tenant') =>
  app.inject({ method: 'GET', url: `/trpc/${root}/${path}`, headers: cookie ? { cookie } : {} });
const mutate = (
  path: string,
  input: unknown,
  { cookie, origin = ORIGIN, root = 'tenant' }: { cookie?: string; origin?: string | null; root?: Root } = {},
) =>
  app.inject({
    method: 'POST',
    url: `/trpc/${root}/${path}`,
    headers: {
      'content-type': 'application/json',
      ...(origin ? { origin } : {}),
      ...(cookie ? { cookie } : {}),
    },
    payload: JSON.stringify(input),
  });
const sessionCookie = (res: Awaited<ReturnType<typeof mutate>>) =>
  res.cookies.find((c) => c.name === 'dbulk_session');

async function signUp(email = uniqueEmail()) {
  const res = await mutate('auth.signUp', {
    email,
    password: PASSWORD,
    name: 'Ada',
    tenantName: unique('acme'),
  });
  expect(res.statusCode).toBe(200);
  const cookie = sessionCookie(res)!;
  return { email, cookie: `dbulk_session=${cookie.value}`, res };
}

describe('probes and metrics', () => {
  it('answers liveness', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL and Kafka answer', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ database: 'up', kafka: 'up' });
  });

  it('answers 503 naming kafka when the broker is unreachable', async () => {
    const broken = await createDeps(depsEnv(['127.0.0.1:1']), logger);
    const other = await buildApp(broken);
    try {
      const started = Date.now();
      const res = await other.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ database: 'up', kafka: 'down' });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await other.close();
      await broken.close();
    }
  });

  it('exposes the request histogram after a request', async () => {
    await query('auth.me');
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/trpc\/tenant\/:path",status="200"\} \d+/,
    );
    expect(res.body).toMatch(/trpc_procedure_calls_total\{path="auth.me",type="query",outcome="ok"\} \d+/);
  });
});

describe('sessions over HTTP', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie on sign-up, and auth.me returns the user', async () => {
    const { email, cookie, res } = await signUp();
    expect(sessionCookie(res)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(sessionCookie(res)!.secure).toBeUndefined();
    expect(sessionCookie(res)!.expires!.getTime()).toBeGreaterThan(Date.now());
    const me = await query('auth.me', cookie);
    expect(me.json().result.data.user.email).toBe(email);
  });

  it('marks the cookie Secure in production mode', async () => {
    const prod = await buildApp(deps, { secureCookies: true });
    try {
      const res = await prod.inject({
        method: 'POST',
        url: '/trpc/tenant/auth.signUp',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: JSON.stringify({
          email: uniqueEmail(),
          password: PASSWORD,
          name: 'Prod',
          tenantName: unique('prod'),
        }),
      });
      expect(sessionCookie(res)).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    } finally {
      await prod.close();
    }
  });

  it('refuses a mutation with a foreign or missing Origin, and changes nothing', async () => {
    const email = uniqueEmail('csrf');
    const input = { email, password: PASSWORD, name: 'Mallory', tenantName: unique('evil') };
    for (const origin of ['https://evil.example', null]) {
      const res = await mutate('auth.signUp', input, { origin });
      expect(res.statusCode).toBe(403);
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect(await deps.orm.em.fork().count(User, { email })).toBe(0);
  });

  it('answers 401 without a session, and clears an invalid session cookie', async () => {
    const none = await query('members.list');
    expect(none.statusCode).toBe(401);
    const bad = await query('members.list', 'dbulk_session=not-a-real-session-token');
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.data.code).toBe('UNAUTHORIZED');
    const cleared = sessionCookie(bad);
    expect(cleared?.value).toBe('');
    expect(cleared!.expires!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('rejects a body over the limit with 413 and malformed JSON with 400', async () => {
    const big = await mutate('auth.signIn', { email: uniqueEmail(), password: 'x'.repeat(32 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/larger than the 16384-byte limit/);
    const broken = await app.inject({
      method: 'POST',
      url: '/trpc/tenant/auth.signIn',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      payload: '{"email":"a@b.test",',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/request body is not valid JSON/);
  });
});

describe('audit.onNew over SSE', () => {
  it('streams the audit row of a mutation to a subscriber within seconds', async () => {
    const { cookie } = await signUp();
    const server = await buildApp(deps);
    const base = await server.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const input = encodeURIComponent(JSON.stringify({}));
      const res = await fetch(`${base}/trpc/tenant/audit.onNew?input=${input}`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const readUntil = async (pattern: RegExp) => {
        const deadline = Date.now() + 5_000;
        while (!pattern.test(text)) {
          if (Date.now() > deadline) throw new Error(`no ${pattern} in the stream within 5 s; got:\n${text}`);
          const chunk = await Promise.race([
            reader.read(),
            new Promise<null>((r) => setTimeout(() => r(null), 250)),
          ]);
          if (chunk?.done) throw new Error(`stream ended; got:\n${text}`);
          if (chunk) text += chunk.value;
        }
      };
      await readUntil(/event: connected/);
      // Give the subscription a moment to listen, so the row arrives live rather than by backfill.
      await new Promise((r) => setTimeout(r, 300));

      const invited = uniqueEmail('invitee');
      const invite = await server.inject({
        method: 'POST',
        url: '/trpc/tenant/members.invite',
        headers: { 'content-type': 'application/json', origin: ORIGIN, cookie },
        payload: JSON.stringify({ email: invited, role: 'member' }),
      });
      expect(invite.statusCode).toBe(200);
      await readUntil(new RegExp(`"action":"member.invited"[^\\n]*${invited.replace(/[.]/g, '\\.')}`));
      expect(text).toMatch(/^id: \d+$/m);

      // Shutdown ends the stream cleanly instead of waiting for it (or resetting it).
      const started = Date.now();
      await server.close();
      let rest = await reader.read();
      while (!rest.done) rest = await reader.read();
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      abort.abort();
      await server.close();
    }
  });
});

describe('create-admin', () => {
  it('creates a platform admin who may call admin procedures, while a tenant user gets 403', async () => {
    const email = uniqueEmail('admin');
    const out: string[] = [];
    const code = await runCli(['create-admin', '--email', email, '--password', PASSWORD, '--name', 'Root'], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      env: { DATABASE_URL: stack.databaseUrl },
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(new RegExp(`created platform admin ${email}`));
    expect(out.join('\n')).not.toContain(PASSWORD);

    const signIn = await mutate('auth.signIn', { email, password: PASSWORD }, { root: 'admin' });
    expect(signIn.statusCode).toBe(200);
    const adminCookie = `dbulk_session=${sessionCookie(signIn)!.value}`;
    const settings = await query('system.settings', adminCookie, 'admin');
    expect(settings.statusCode).toBe(200);
    expect(settings.json().result.data).toHaveProperty('killSwitch');

    const { cookie } = await signUp();
    expect((await query('system.settings', cookie, 'admin')).statusCode).toBe(403);

    const again = await runCli(['create-admin', '--email', email, '--password', PASSWORD], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      env: { DATABASE_URL: stack.databaseUrl },
    });
    expect(again).toBe(0);
    expect(out.at(-1)).toMatch(/is now a platform admin/);
  });
});
