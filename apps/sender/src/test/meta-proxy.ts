/**
 * A stand-in for the network between the sender and Meta, in front of the sandbox: adds latency,
 * answers chosen recipients with a Meta error, or cuts the connection after the request arrived
 * (the ambiguous case). Records when each send reached it. Test code only; the sandbox behind it
 * stays the judge of what was sent.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Injection = { status: number; code: number; message?: string } | 'cut';

export interface MetaProxy {
  url: string;
  /** Send requests seen (recipient, arrival time), forwarded or not. */
  seen: { to: string; at: number; forwarded: boolean }[];
  latencyMs: () => number;
  inject: (to: string) => Injection | undefined;
  close(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startMetaProxy(target: string): Promise<MetaProxy> {
  const proxy: MetaProxy = { url: '', seen: [], latencyMs: () => 0, inject: () => undefined, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    let to = '';
    if (req.method === 'POST' && req.url?.endsWith('/messages')) to = String((JSON.parse(body.toString() || '{}') as { to?: string }).to ?? '');
    const latency = proxy.latencyMs();
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const injection = to ? proxy.inject(to) : undefined;
    proxy.seen.push({ to, at: Date.now(), forwarded: injection === undefined });
    if (injection === 'cut') return void req.socket.destroy();
    if (injection) {
      res.writeHead(injection.status, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { message: injection.message ?? 'injected', type: 'OAuthException', code: injection.code, fbtrace_id: 'proxy' } }));
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers: { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' },
      ...(req.method === 'GET' ? {} : { body }),
    });
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return proxy;
}
