/**
 * POST /uploads/contacts against the real PostgreSQL: the body streamed into an import, the
 * session and Origin checks, the content type, and errors that name the column.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@dbulk/logger';
import { unique, uniqueEmail } from '@dbulk/testing';
import { buildApp, type ApiApp } from './app';
import { testDepsEnv, TEST_ORIGIN } from './test-deps';
import { createDeps, type RuntimeDeps } from './deps';

const ORIGIN = TEST_ORIGIN;
let deps: RuntimeDeps;
let app: ApiApp;
let cookie: string;

beforeAll(async () => {
  deps = await createDeps(
    testDepsEnv('dbulk-api-upload-it'),
    createLogger({ name: 'upload-it', level: 'silent' }),
  );
  app = await buildApp(deps, { bodyLimitBytes: 16 * 1024 });
  const res = await app.inject({
    method: 'POST',
    url: '/trpc/tenant/auth.signUp',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    payload: JSON.stringify({
      email: uniqueEmail(),
      password: 'correct horse battery',
      name: 'Ada',
      tenantName: unique('upload'),
    }),
  });
  cookie = `dbulk_session=${res.cookies.find((c) => c.name === 'dbulk_session')!.value}`;
});
afterAll(async () => {
  await app?.close();
  await deps?.close();
});

const upload = (body: string | Readable, query = '', headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: `/uploads/contacts?fileName=people.csv${query}`,
    headers: { 'content-type': 'text/csv', origin: ORIGIN, cookie, ...headers },
    payload: body,
  });

describe('POST /uploads/contacts', () => {
  it('streams a CSV larger than the JSON body limit into an import and answers its summary', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `+1 (201) 555-${String(1000 + i).padStart(4, '0')};Person ${i};"a;b"`,
    );
    const text = '\uFEFFPhone;Name;Tags\n' + rows.join('\n') + '\n555;Short;\n';
    expect(Buffer.byteLength(text)).toBeGreaterThan(16 * 1024);
    const res = await upload(Readable.from([Buffer.from(text)]), '', {
      'content-length': String(Buffer.byteLength(text)),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'COMPLETED',
      fileName: 'people.csv',
      rowsRead: 3001,
      created: 3000,
      rejected: 1,
      errors: [{ line: 3002, value: '555' }],
    });

    const detail = await app.inject({
      method: 'GET',
      url: `/trpc/tenant/imports.byId?input=${encodeURIComponent(JSON.stringify({ importId: body.id }))}`,
      headers: { cookie },
    });
    expect(detail.json().result.data).toMatchObject({
      id: body.id,
      created: 3000,
      bytesTotal: Buffer.byteLength(text),
    });
  });

  it('follows a column mapping and names a mapped column the file lacks', async () => {
    const ok = await upload(
      'Tel,Who,Plan\n+12015550999,Zed,gold\n',
      `&mapping=${encodeURIComponent(JSON.stringify({ phone: 'Tel', name: 'Who', attributes: ['Plan'] }))}`,
    );
    expect(ok.json()).toMatchObject({ created: 1 });
    const missing = await upload(
      'Tel,Who\n+12015550998,Zed\n',
      `&mapping=${encodeURIComponent(JSON.stringify({ phone: 'Mobile' }))}`,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      message: 'the CSV header has no column "Mobile" for the phone (columns: "Tel", "Who")',
      data: { appCode: 'CONTACT_IMPORT_COLUMN_MISSING' },
    });
  });

  it('refuses callers without a session, from a foreign origin, or with another content type', async () => {
    expect((await upload('phone\n+12015550000\n', '', { cookie: '' })).statusCode).toBe(401);
    expect((await upload('phone\n+12015550000\n', '', { origin: 'https://evil.example' })).statusCode).toBe(
      403,
    );
    const json = await upload('{"phone":"+12015550000"}', '', { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
  });
});
