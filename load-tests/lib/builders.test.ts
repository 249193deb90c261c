import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySignature } from '@dbulk/meta';
import { loadConfig } from './config.ts';
import { recipientPhone, recipientsCsv, uploadRequest } from './journeys/contacts-csv.ts';
import { completionBudgetMs } from './journeys/campaign-e2e.ts';
import { sessionFrom, trpcData, trpcMutation, trpcQuery } from './trpc.ts';
import { statusWebhookBody, webhookRequest } from './webhooks.ts';

const cfg = loadConfig({ API_URL: 'http://api.test/', META_APP_SECRET: 's3cret', RUN_ID: 'r1' });
const hmacHex = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');

describe('webhook bodies', () => {
  const bodies = Array.from({ length: 100 }, (_, seq) => JSON.parse(statusWebhookBody('r1', seq)));
  const value = (b: { entry: { changes: { value: { statuses: { id: string }[]; metadata: { phone_number_id: string } } }[] }[] }) => b.entry[0]!.changes[0]!.value;

  it('carries wamids unique across the run, ten updates in every tenth POST', () => {
    const ids = bodies.flatMap((b) => value(b).statuses.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(90 + 10 * 10);
    expect(bodies.filter((b) => value(b).statuses.length === 10)).toHaveLength(10);
  });

  it('spreads POSTs over 24 phone numbers (the partition key)', () => {
    expect(new Set(bodies.map((b) => value(b).metadata.phone_number_id)).size).toBe(24);
  });

  it('is signed over its exact bytes as ingest verifies', () => {
    const spec = webhookRequest(cfg, statusWebhookBody('r1', 7), hmacHex);
    expect(spec).toMatchObject({ method: 'POST', url: 'http://localhost:4001/webhooks/whatsapp', endpoint: 'webhook' });
    expect(verifySignature('s3cret', Buffer.from(spec.body!), spec.headers['x-hub-signature-256'])).toEqual({ ok: true });
    expect(verifySignature('other', Buffer.from(spec.body!), spec.headers['x-hub-signature-256']).ok).toBe(false);
  });
});

describe('tRPC requests', () => {
  it('puts a query input in ?input= and a mutation input in the body, with the allowed Origin', () => {
    const q = trpcQuery(cfg, 'campaigns.list', { limit: 25 }, 'campaigns_list', 'tok');
    expect(q.url).toBe(`http://api.test/trpc/tenant/campaigns.list?input=${encodeURIComponent('{"limit":25}')}`);
    expect(q.headers.cookie).toBe('dbulk_session=tok');
    const m = trpcMutation(cfg, 'campaigns.start', { campaignId: 'c' }, 'campaign_start', null);
    expect(m).toMatchObject({ method: 'POST', body: '{"campaignId":"c"}', headers: { origin: 'http://api.test', 'content-type': 'application/json' } });
    expect(m.headers.cookie).toBeUndefined();
  });

  it('reads data, errors with their app code, and the session cookie', () => {
    expect(trpcData({ status: 200, body: '{"result":{"data":{"a":1}}}', headers: {} }, 'x')).toEqual({ a: 1 });
    expect(() => trpcData({ status: 409, body: '{"error":{"message":"cannot start","data":{"appCode":"CAMPAIGN_NOT_STARTABLE"}}}', headers: {} }, 'campaigns.start')).toThrow(
      'campaigns.start: HTTP 409 CAMPAIGN_NOT_STARTABLE cannot start',
    );
    expect(sessionFrom({ status: 200, body: '', headers: { 'set-cookie': 'a=b; Path=/\ndbulk_session=xyz; HttpOnly' } })).toBe('xyz');
  });
});

describe('campaign journey inputs', () => {
  it('makes German mobile numbers unique per VU, iteration and row', () => {
    expect(recipientPhone(3, 12, 45)).toBe('+491510312' + '0045');
    const csv = recipientsCsv(3, 1, 0).trim().split('\n');
    expect(csv).toEqual(['phone,name', '+4915101000000,Load 0', '+4915101000001,Load 1', '+4915101000002,Load 2']);
    const spec = uploadRequest(cfg, 'tok', 'list-1', 'phone\n');
    expect(new URL(spec.url).searchParams.get('mapping')).toBe('{"phone":"phone","name":"name"}');
    expect(spec.headers).toMatchObject({ 'content-type': 'text/csv', origin: 'http://api.test' });
  });

  it('budgets completion from the recipients and the number’s rate', () => {
    expect(completionBudgetMs(loadConfig({ CAMPAIGN_RECIPIENTS: '200', CAMPAIGN_MPS: '80' }))).toBe(33_750);
  });
});

describe('config', () => {
  it('defaults to the local stack and smoke, and names a bad variable', () => {
    expect(loadConfig({}, 0)).toMatchObject({ profile: 'smoke', apiUrl: 'http://localhost:4000', origin: 'http://localhost:4000', ingestUrl: 'http://localhost:4001', runId: '0' });
    expect(() => loadConfig({ WEBHOOK_RATE: 'fast' })).toThrow('WEBHOOK_RATE=fast must be a positive number');
    expect(() => loadConfig({ PROFILE: 'huge' })).toThrow(/PROFILE=huge is not one of smoke/);
  });
});
