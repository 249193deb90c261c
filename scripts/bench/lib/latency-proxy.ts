/**
 * Stands in for Meta's response time: forwards every request to the sandbox at once and answers
 * after a random delay (uniform in [minMs, maxMs]), like Graph API round trips from a data centre.
 * The sandbox stamps each send when it arrives, so its per-second counts show the sender's own
 * pacing, not network jitter. Keep-alive both ways.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

const read = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startLatencyProxy(target: string, minMs: number, maxMs: number) {
  const agent = new Agent({ connections: 512, keepAliveTimeout: 30_000 });
  /** Arrival times of message sends per phone number id: what the sender dispatched, before any sandbox stall. */
  const arrivals = new Map<string, number[]>();
  const server = createServer(async (req, res) => {
    const arrived = Date.now();
    if (req.url?.startsWith('/_proxy/arrivals')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(Object.fromEntries(arrivals)));
    }
    const number = /^\/v[\d.]+\/(\d+)\/messages/.exec(req.url ?? '')?.[1];
    if (number) arrivals.set(number, [...(arrivals.get(number) ?? []), arrived]);
    try {
      const body = await read(req);
      const upstream = await request(`${target}${req.url}`, {
        method: req.method as 'GET' | 'POST',
        headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
        body: req.method === 'GET' ? undefined : body,
        dispatcher: agent,
      });
      const payload = Buffer.from(await upstream.body.arrayBuffer());
      // After the sandbox answered: it stamps arrival as Meta would, the caller waits a Graph round trip.
      await new Promise((r) => setTimeout(r, minMs + Math.random() * (maxMs - minMs)));
      res.writeHead(upstream.statusCode, { 'content-type': 'application/json' });
      res.end(payload);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(err), code: 2 } }));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.maxConnections = 4_096;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await agent.close();
    },
  };
}
