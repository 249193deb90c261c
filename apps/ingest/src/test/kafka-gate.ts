/**
 * A Kafka-aware TCP gate for outage tests against the REAL stack broker without touching it.
 *
 * A plain TCP proxy is not enough: a client bootstraps through it, reads the broker's advertised
 * address (127.0.0.1:9092) from the Metadata response and then talks to the broker directly, so
 * "closing the proxy" stops nothing. The gate therefore rewrites the broker addresses in every
 * Metadata response (the only response kafkajs takes addresses from when it produces) to its own
 * listeners, and all of the client's traffic stays behind it. `down('refuse')` closes the
 * listeners and every connection (a stopped broker: ECONNREFUSED); `down('blackhole')` keeps
 * accepting but never answers (a hung broker); `up()` listens again on the same ports.
 * Other clients of the broker (other engineers, the test's own consumer) are not affected.
 * @see https://kafka.apache.org/protocol#protocol_messages (Metadata, request/response headers)
 */
import net from 'node:net';

const METADATA = 3;
/** Metadata v9+ is "flexible" (compact strings, tagged fields); kafkajs 2.2.4 asks for v0–v6. */
const LAST_FIXED_METADATA_VERSION = 8;

type Mode = 'up' | 'refuse' | 'blackhole';

interface Listener {
  upstreamHost: string;
  upstreamPort: number;
  port: number;
  server: net.Server | null;
}

/** Splits a byte stream into Kafka frames (int32 size + payload). */
function framer(onFrame: (frame: Buffer) => void) {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      const size = pending.readInt32BE(0);
      if (pending.length < 4 + size) break;
      onFrame(pending.subarray(0, 4 + size));
      pending = pending.subarray(4 + size);
    }
  };
}

export class KafkaGate {
  private readonly listeners: Listener[];
  private readonly sockets = new Set<net.Socket>();
  private mode: Mode = 'up';
  /** Metadata responses rewritten so far (a test can check the gate was really in the path). */
  rewrites = 0;

  constructor(upstream: string[]) {
    this.listeners = upstream.map((address) => {
      const [host, port] = address.split(':');
      return { upstreamHost: host!, upstreamPort: Number(port), port: 0, server: null };
    });
  }

  /** Addresses to give the client instead of the real brokers. */
  get brokers(): string[] {
    return this.listeners.map((l) => `127.0.0.1:${l.port}`);
  }

  async start(): Promise<void> {
    for (const listener of this.listeners) await this.listen(listener);
  }

  async down(how: 'refuse' | 'blackhole' = 'refuse'): Promise<void> {
    this.mode = how;
    this.dropConnections();
    if (how === 'refuse') {
      for (const listener of this.listeners) await this.unlisten(listener);
    }
  }

  async up(): Promise<void> {
    // Connections held during a blackhole have lost frames: the client must reconnect afresh.
    this.dropConnections();
    this.mode = 'up';
    for (const listener of this.listeners) if (!listener.server) await this.listen(listener);
  }

  async close(): Promise<void> {
    this.dropConnections();
    for (const listener of this.listeners) await this.unlisten(listener);
  }

  private dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private listen(listener: Listener): Promise<void> {
    const server = net.createServer((client) => this.accept(client, listener));
    listener.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      // Port 0 the first time; the same port again after a `refuse` outage.
      server.listen(listener.port, '127.0.0.1', () => {
        listener.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private unlisten(listener: Listener): Promise<void> {
    const server = listener.server;
    listener.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private accept(client: net.Socket, listener: Listener): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (this.mode === 'blackhole') {
      client.on('data', () => {}); // accept and say nothing
      return;
    }
    const broker = net.connect(listener.upstreamPort, listener.upstreamHost);
    this.sockets.add(broker);
    broker.on('close', () => {
      this.sockets.delete(broker);
      client.destroy();
    });
    client.on('close', () => broker.destroy());
    broker.on('error', () => broker.destroy());

    const metadataVersions = new Map<number, number>();
    client.on(
      'data',
      framer((frame) => {
        if (this.mode !== 'up') return;
        if (frame.readInt16BE(4) === METADATA) metadataVersions.set(frame.readInt32BE(8), frame.readInt16BE(6));
        broker.write(frame);
      }),
    );
    broker.on(
      'data',
      framer((frame) => {
        if (this.mode !== 'up') return;
        const correlationId = frame.readInt32BE(4);
        const version = metadataVersions.get(correlationId);
        if (version === undefined) {
          client.write(frame);
          return;
        }
        metadataVersions.delete(correlationId);
        try {
          client.write(this.rewriteMetadata(frame, version));
          this.rewrites += 1;
        } catch (err) {
          // Never let an unrewritten address through: the client would bypass the gate silently.
          client.destroy(err as Error);
        }
      }),
    );
  }

  /** Metadata response v0–v8: [throttle_time_ms (v3+)] [brokers: node_id host port rack (v1+)] rest… */
  private rewriteMetadata(frame: Buffer, version: number): Buffer {
    if (version > LAST_FIXED_METADATA_VERSION) throw new Error(`KafkaGate cannot rewrite Metadata v${version}`);
    let at = 8; // size + correlation id
    if (version >= 3) at += 4;
    const head = frame.subarray(4, at);
    const count = frame.readInt32BE(at);
    at += 4;
    const brokers: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const nodeId = frame.readInt32BE(at);
      const hostLength = frame.readInt16BE(at + 4);
      const host = frame.toString('utf8', at + 6, at + 6 + hostLength);
      at += 6 + hostLength;
      const port = frame.readInt32BE(at);
      at += 4;
      let rack: Buffer = Buffer.alloc(0);
      if (version >= 1) {
        const rackLength = frame.readInt16BE(at);
        const end = at + 2 + Math.max(0, rackLength);
        rack = frame.subarray(at, end);
        at = end;
      }
      const listener = this.listeners.find((l) => l.upstreamHost === host && l.upstreamPort === port);
      if (!listener) throw new Error(`KafkaGate has no listener for advertised broker ${host}:${port}`);
      const newHost = Buffer.from('127.0.0.1');
      const fixed = Buffer.alloc(4 + 2 + newHost.length + 4);
      fixed.writeInt32BE(nodeId, 0);
      fixed.writeInt16BE(newHost.length, 4);
      newHost.copy(fixed, 6);
      fixed.writeInt32BE(listener.port, 6 + newHost.length);
      brokers.push(fixed, rack);
    }
    const countBuffer = Buffer.alloc(4);
    countBuffer.writeInt32BE(count);
    const payload = Buffer.concat([head, countBuffer, ...brokers, frame.subarray(at)]);
    const size = Buffer.alloc(4);
    size.writeInt32BE(payload.length);
    return Buffer.concat([size, payload]);
  }
}
