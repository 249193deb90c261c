import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { requestMeta } from './trpc-host';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A bare server whose one route answers with the RequestMeta built for it and exercises the jar. */
async function metaServer(trustProxy: boolean, secure = false) {
  app = Fastify({ trustProxy });
  await app.register(cookie);
  app.post('/meta', async (req, reply) => {
    const { cookies, ...meta } = requestMeta(req, reply, secure);
    const action = (req.body as { action?: string } | undefined)?.action;
    if (action === 'set') cookies.setSession('tok-123', new Date('2030-01-01T00:00:00Z'));
    if (action === 'clear') cookies.clearSession();
    return meta;
  });
  return app;
}

describe('requestMeta', () => {
  it('reads origin, user agent and the session cookie', async () => {
    const server = await metaServer(false);
    const res = await server.inject({
      method: 'POST',
      url: '/meta',
      headers: {
        origin: 'http://localhost:5173',
        'user-agent': 'vitest',
        cookie: 'other=1; dbulk_session=abc',
        'x-forwarded-for': '203.0.113.9',
      },
    });
    expect(res.json()).toEqual({
      ip: '127.0.0.1',
      userAgent: 'vitest',
      origin: 'http://localhost:5173',
      sessionToken: 'abc',
    });
  });

  it('takes the client ip from X-Forwarded-For only when the proxy is trusted', async () => {
    const server = await metaServer(true);
    const res = await server.inject({
      method: 'POST',
      url: '/meta',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(res.json()).toMatchObject({
      ip: '203.0.113.9',
      origin: null,
      sessionToken: null,
      userAgent: 'lightMyRequest',
    });
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ with its expiry, Secure when asked', async () => {
    const server = await metaServer(false, true);
    const res = await server.inject({ method: 'POST', url: '/meta', payload: { action: 'set' } });
    expect(res.headers['set-cookie']).toBe(
      'dbulk_session=tok-123; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax',
    );
  });

  it('clears the session cookie', async () => {
    const server = await metaServer(false);
    const res = await server.inject({ method: 'POST', url: '/meta', payload: { action: 'clear' } });
    expect(res.headers['set-cookie']).toMatch(
      /^dbulk_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/,
    );
  });
});
