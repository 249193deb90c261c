/**
 * A webhook receiver on 127.0.0.1:0 for integration tests: checks each POST's signature with
 * @dbulk/meta's verifySignature over the raw bytes, keeps the parsed bodies, and can fail the
 * first N requests to exercise the sandbox's retries.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@dbulk/meta';
import { APP_SECRET, testApp, type TestApp } from './harness';

export const VERIFY_TOKEN = 'verify-me';

export interface Received {
  body: Record<string, unknown>;
  raw: string;
  signatureOk: boolean;
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answer 500 to this many upcoming requests. */
  failNext(count: number): void;
  waitFor(predicate: (received: Received[]) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(appSecret: string): Promise<Receiver> {
  const received: Received[] = [];
  let failures = 0;
  const server: Server = createServer((request, response) => {
    // Meta's verification handshake, as ingest answers it.
    if (request.method === 'GET') {
      const query = new URL(request.url ?? '/', 'http://x').searchParams;
      const ok = query.get('hub.mode') === 'subscribe' && query.get('hub.verify_token') === VERIFY_TOKEN;
      response.writeHead(ok ? 200 : 403).end(ok ? query.get('hub.challenge') : 'forbidden');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        response.writeHead(500).end('receiver down');
        return;
      }
      const raw = Buffer.concat(chunks);
      const check = verifySignature(appSecret, raw, request.headers['x-hub-signature-256']);
      received.push({ body: JSON.parse(raw.toString()) as Record<string, unknown>, raw: raw.toString(), signatureOk: check.ok, at: Date.now() });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    failNext: (count) => {
      failures = count;
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > until) throw new Error(`receiver: condition not met in ${timeoutMs} ms; got ${received.length} POSTs`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received;
    },
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** A receiver plus a sandbox app whose scenario posts to it. */
export async function appWithReceiver(options: Parameters<typeof testApp>[0] = {}): Promise<TestApp & { receiver: Receiver; close: () => Promise<void> }> {
  const receiver = await startReceiver(APP_SECRET);
  const built = await testApp({ ...options, scenario: { webhookUrl: receiver.url, ...options.scenario } });
  return { ...built, receiver, close: async () => void (await Promise.all([built.app.close(), receiver.close()])) };
}

type Change = { field: string; value: Record<string, unknown> };

/** Every change of the received POSTs, in arrival order. */
export function changesOf(received: Received[]): Change[] {
  return received.flatMap((item) => (item.body.entry as Array<{ changes: Change[] }>).flatMap((entry) => entry.changes));
}

/** The JSON's shape: keys and value types, arrays by their first item — to compare with a fixture. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return [shapeOf(value[0])];
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)]));
  return typeof value;
}

/** Every status object across entries/changes of the received POSTs, in arrival order. */
export function statusesOf(received: Received[]): Array<Record<string, unknown>> {
  return received.flatMap((item) =>
    (item.body.entry as Array<{ changes: Array<{ value: { statuses?: Array<Record<string, unknown>> } }> }>).flatMap((entry) =>
      entry.changes.flatMap((change) => change.value.statuses ?? []),
    ),
  );
}
