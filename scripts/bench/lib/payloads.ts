/**
 * The benchmark's webhook bodies, built from the shared fixtures as Meta sends them (compact
 * JSON): mostly single status updates, some inbound messages, and some batched POSTs (Meta may
 * aggregate up to 1,000 updates in one POST; batching is not guaranteed). Every body is unique
 * (its own wamids) and spread over 24 phone numbers, so records spread over the partitions.
 * Signed once up front: the generator only replays bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signPayload } from '@dbulk/meta';

export interface BenchPayload {
  kind: string;
  body: Buffer;
  headers: Record<string, string>;
  updates: number;
}

type Json = Record<string, unknown>;
const STATUS_FIXTURES = ['status-sent-cbp.json', 'status-delivered-pmp.json', 'status-read.json', 'status-failed-131049.json'];
const INBOUND_FIXTURES = ['inbound-text.json', 'inbound-stop.json', 'inbound-button-reply.json'];

function read(dir: string, name: string): Json {
  return JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Json;
}

/** `value` of the first change of the first entry: where statuses/messages live. */
const valueOf = (envelope: Json) => ((envelope.entry as Json[])[0]!.changes as Json[])[0]!.value as Json;

function envelope(wabaId: string, phoneNumberId: string, value: Json): string {
  const metadata = { display_phone_number: `1555${phoneNumberId.slice(-7)}`, phone_number_id: phoneNumberId };
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: wabaId, changes: [{ value: { messaging_product: 'whatsapp', ...value, metadata }, field: 'messages' }] }],
  });
}

export function buildPayloads(fixturesDir: string, appSecret: string, count = 400): BenchPayload[] {
  const statuses = STATUS_FIXTURES.map((name) => (valueOf(read(fixturesDir, name)).statuses as Json[])[0]!);
  const inbound = INBOUND_FIXTURES.map((name) => valueOf(read(fixturesDir, name)));
  const payloads: BenchPayload[] = [];
  let serial = 0;
  const status = (n: number): Json => {
    const template = statuses[n % statuses.length]!;
    serial += 1;
    return { ...template, id: `wamid.BENCH${String(serial).padStart(12, '0')}`, recipient_id: `1555${String(1_000_000 + (serial % 9_000_000))}`, timestamp: String(1_767_264_000 + serial) };
  };
  for (let i = 0; i < count; i++) {
    // Deterministic mix: position i of every 20 decides the kind (14 single, 2 inbound, 3 batch-10, 1 batch-50).
    const slot = i % 20;
    const phone = `3015000000${String(100 + (i % 24)).padStart(5, '0')}`;
    const waba = `2139000000${String(100 + (i % 6)).padStart(5, '0')}`;
    let kind: string;
    let value: Json;
    let updates: number;
    if (slot < 14) [kind, value, updates] = ['status', { statuses: [status(i)] }, 1];
    else if (slot < 16) {
      const message = inbound[i % inbound.length]!;
      [kind, value, updates] = ['inbound', { contacts: message.contacts, messages: (message.messages as Json[]).map((m) => ({ ...m, id: `wamid.IN${i}` })) }, 1];
    } else if (slot < 19) [kind, value, updates] = ['status-batch-10', { statuses: Array.from({ length: 10 }, (_, n) => status(n)) }, 10];
    else [kind, value, updates] = ['status-batch-50', { statuses: Array.from({ length: 50 }, (_, n) => status(n)) }, 50];
    const body = Buffer.from(envelope(waba, phone, value));
    payloads.push({
      kind,
      body,
      updates,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(appSecret, body), 'user-agent': 'facebookexternalua' },
    });
  }
  return payloads;
}

export function describeMix(payloads: BenchPayload[]) {
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (const p of payloads) {
    const k = kinds.get(p.kind) ?? { count: 0, bytes: 0 };
    kinds.set(p.kind, { count: k.count + 1, bytes: k.bytes + p.body.length });
  }
  const total = payloads.reduce((sum, p) => sum + p.body.length, 0);
  return {
    kinds: Object.fromEntries([...kinds].map(([kind, { count, bytes }]) => [kind, { share: count / payloads.length, avgBytes: Math.round(bytes / count) }])),
    avgBytes: Math.round(total / payloads.length),
    updatesPerRequest: payloads.reduce((sum, p) => sum + p.updates, 0) / payloads.length,
  };
}
