import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@dbulk/db';
import { createLogger } from '@dbulk/logger';
import { buildApp, type ApiApp } from './app';
import { fakeDeps } from './test-deps';

let app: ApiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('api http layer', () => {
  it('answers the liveness probe', async () => {
    app = await buildApp(fakeDeps());
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('reports 503 naming the dependency that is down', async () => {
    app = await buildApp(fakeDeps({ database: 'up', kafka: 'down' }));
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ database: 'up', kafka: 'down' });
  });

  it('keeps a safe incoming request id and replaces an unsafe one', async () => {
    app = await buildApp(fakeDeps());
    const kept = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'lb-123.abc' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-123.abc');
    const replaced = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\nforged log line' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes the request histogram labelled by route pattern', async () => {
    app = await buildApp(fakeDeps());
    await app.inject({ method: 'GET', url: '/healthz' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/,
    );
    expect(res.body).toMatch(/process_cpu_user_seconds_total/);
  });

  it('gives each app its own registry', async () => {
    const other = await buildApp(fakeDeps());
    app = await buildApp(fakeDeps());
    await other.inject({ method: 'GET', url: '/healthz' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).not.toMatch(/route="\/healthz"/);
    await other.close();
  });

  it('rejects a body over the limit with 413 in the tRPC error shape', async () => {
    app = await buildApp(fakeDeps(), { bodyLimitBytes: 2048 });
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/tenant/auth.signIn',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      payload: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(4096) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      message: 'request body is larger than the 2048-byte limit',
      data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
    });
  });

  it('rejects malformed JSON with 400 naming the problem', async () => {
    app = await buildApp(fakeDeps());
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/tenant/auth.signIn',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^request body is not valid JSON: /);
    expect(res.json().error.data).toMatchObject({ code: 'PARSE_ERROR', appCode: 'MALFORMED_JSON' });

    const query = await app.inject({ method: 'GET', url: '/trpc/tenant/auth.me?input=%7Bnope' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.message).toMatch(/^\?input is not valid JSON/);
  });

  it('refuses a mutation from a foreign origin before running it', async () => {
    app = await buildApp(fakeDeps());
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/tenant/auth.signOut',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('origin https://evil.example may not send mutations');
  });

  it('answers an unknown route with 404 in the tRPC error shape', async () => {
    app = await buildApp(fakeDeps());
    const res = await app.inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      message: 'no route for GET /nope',
      data: { code: 'NOT_FOUND' },
    });
  });

  it('counts procedure calls by path, type and outcome', async () => {
    app = await buildApp(fakeDeps());
    await app.inject({ method: 'GET', url: '/trpc/tenant/auth.me' });
    await app.inject({ method: 'GET', url: '/trpc/tenant/no.such.thing' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/trpc_procedure_calls_total\{path="auth.me",type="query",outcome="ok"\} 1/);
    expect(res.body).toMatch(
      /trpc_procedure_calls_total\{path="\(unknown\)",type="unknown",outcome="NOT_FOUND"\} 1/,
    );
  });

  it('logs an internal error with the request id and answers without its details', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const deps = fakeDeps();
    deps.logger = createLogger({ name: 'api-test', level: 'info', destination });
    deps.orm = {
      em: {
        fork: () => {
          throw new Error('pool exploded');
        },
      },
    } as unknown as MikroORM;
    app = await buildApp(deps);
    const res = await app.inject({ method: 'GET', url: '/trpc/tenant/auth.me' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toBe('internal error');
    const logged = lines.find((line) => line.msg === 'tRPC request failed');
    expect(logged).toMatchObject({
      requestId: res.headers['x-request-id'],
      path: 'auth.me',
      err: { message: 'pool exploded' },
    });
  });
});
