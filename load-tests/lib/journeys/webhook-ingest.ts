/**
 * Meta → ingest: signed status webhooks at a constant arrival rate (the open model Meta is: it
 * does not slow down because ingest does). Each POST must be answered 200, which ingest does only
 * once Kafka acknowledged the record. Plain module; the HMAC comes from the runtime.
 */
import { expectStatus } from '../client.ts';
import { arrivalProfile } from '../profiles.ts';
import { statusWebhookBody, webhookRequest, type HmacHex } from '../webhooks.ts';
import type { Journey } from './journey.ts';

export function webhookIngest(hmacHex: HmacHex): Journey<{ runId: string }> {
  return {
    name: 'webhook-ingest',
    endpoints: ['webhook'],
    metrics: [{ name: 'webhook_updates', type: 'counter' }],
    extraThresholds: () => ({ checks: ['rate>0.999'], dropped_iterations: ['count<1'] }),
    executor: (cfg) => arrivalProfile(cfg.profile, { rate: cfg.webhookRate, smokeRate: 20, maxVUs: 50 }),
    async setup(_client, cfg) {
      return { runId: cfg.runId };
    },
    async iteration(client, cfg, data) {
      const seq = client.vu().iterationInTest;
      const body = statusWebhookBody(data.runId, seq);
      const reply = await client.request(webhookRequest(cfg, body, hmacHex));
      if (client.check('webhook answered 200', reply.status === 200)) client.add('webhook_updates', seq % 10 === 9 ? 10 : 1);
      else expectStatus(reply, 200, 'POST /webhooks/whatsapp');
    },
  };
}
