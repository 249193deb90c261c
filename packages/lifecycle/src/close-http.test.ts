import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@dbulk/logger';
import { closeHttpServer } from './close-http';

const logger = createLogger({ name: 'test', destination: new Writable({ write: (_c, _e, done) => done() }) });

describe('closeHttpServer', () => {
  it('lets a quick request finish and cuts a hanging one at the deadline', async () => {
    let received = 0;
    const server = createServer((req, res) => {
      received++;
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
    // Both requests in flight on the server before it closes (a fixed wait lost the race on a busy machine).
    while (received < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const app = { server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    const started = Date.now();
    await closeHttpServer(app, logger, 300);
    expect(await quick).toBe('done');
    expect(await hang).toBe('cut');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('sweeps connections again after the deadline until the server has closed', async () => {
    let sweeps = 0;
    let closed!: () => void;
    const app = {
      server: {
        closeAllConnections: () => {
          // A straggler survives the first two sweeps; the third lets close() finish.
          if (++sweeps === 3) closed();
        },
      },
      close: () => new Promise<void>((resolve) => (closed = resolve)),
    };
    await closeHttpServer(app, logger, 50);
    expect(sweeps).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(sweeps).toBe(3);
  });
});
