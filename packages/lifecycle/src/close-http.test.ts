import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@dbulk/logger';
import { closeHttpServer } from './close-http';

const logger = createLogger({ name: 'test', destination: new Writable({ write: (_c, _e, done) => done() }) });

describe('closeHttpServer', () => {
  it('lets a quick request finish and cuts a hanging one at the deadline', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/quick') setTimeout(() => res.end('done'), 50);
      // '/hang' never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const quick = fetch(`http://127.0.0.1:${port}/quick`).then((r) => r.text());
    const hang = fetch(`http://127.0.0.1:${port}/hang`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const app = { server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    const started = Date.now();
    await closeHttpServer(app, logger, 300);
    expect(await quick).toBe('done');
    expect(await hang).toBe('cut');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});
