import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, withLogContext } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ name: 'test', destination }) };
}

describe('logger', () => {
  it('redacts passwords, tokens and cookies at any depth', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: 'hunter2',
        user: { email: 'a@b.c', accessToken: 'EAAG-secret' },
        req: { headers: { cookie: 'dbulk_session=abc', authorization: 'Bearer x', host: 'h' } },
        res: { headers: { 'set-cookie': 'dbulk_session=abc' } },
        input: { body: { newPassword: 'p' } },
      },
      'signed in',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of ['hunter2', 'EAAG-secret', 'dbulk_session=abc', 'Bearer x', '"p"']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('a@b.c');
    expect(text).toContain('"host":"h"');
  });

  it('adds request context to every line', () => {
    const { lines, logger } = capture();
    withLogContext({ requestId: 'r1', tenantId: 't1' }, () => logger.info('inside'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'r1', tenantId: 't1', msg: 'inside' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });
});
