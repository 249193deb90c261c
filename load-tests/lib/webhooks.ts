/**
 * Meta's webhook POSTs as ingest receives them: the documented envelope (fixtures in
 * ../shared/meta/fixtures), compact JSON, status updates for wamids unique to the run, spread over
 * 24 phone numbers so records spread over dbulk.webhooks' partitions; every tenth POST batches
 * ten updates (Meta may aggregate). Signed `X-Hub-Signature-256: sha256=<hex HMAC>` over the exact
 * bytes. HMAC differs by runtime (k6/crypto vs node:crypto), so the signer is passed in.
 * Plain module.
 */
import type { RequestSpec } from './client.ts';
import type { LoadConfig } from './config.ts';

/** Hex HMAC-SHA256 of `body` with `secret`. */
export type HmacHex = (secret: string, body: string) => string;

const STATUSES = ['sent', 'delivered', 'read'] as const;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The 24 phone numbers the POSTs come from: no real number has them, so their rows are the suite's own. */
export const WEBHOOK_PHONE_NUMBER_IDS = Array.from({ length: 24 }, (_, i) => `30150000${pad(1_000 + i, 7)}`);

function status(runId: string, seq: number, n: number) {
  const which = STATUSES[(seq + n) % STATUSES.length]!;
  const recipient = `4917${pad((seq * 7 + n) % 10_000_000, 8)}`;
  return {
    id: `wamid.LOAD${runId}${pad(seq, 9)}${pad(n, 2)}`,
    status: which,
    timestamp: String(1_767_264_000 + seq),
    recipient_id: recipient,
    ...(which === 'read' ? {} : { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } }),
  };
}

/** The body of the `seq`-th POST of a run (deterministic, unique per run and seq). */
export function statusWebhookBody(runId: string, seq: number): string {
  const phoneNumberId = WEBHOOK_PHONE_NUMBER_IDS[seq % 24]!;
  const updates = seq % 10 === 9 ? 10 : 1;
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: `21390000${pad(1_000 + (seq % 6), 7)}`,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: `1555${pad(seq % 24, 7)}`, phone_number_id: phoneNumberId },
              statuses: Array.from({ length: updates }, (_, n) => status(runId, seq, n)),
            },
            field: 'messages',
          },
        ],
      },
    ],
  });
}

export function signature(hmacHex: HmacHex, secret: string, body: string): string {
  return `sha256=${hmacHex(secret, body)}`;
}

export function webhookRequest(cfg: LoadConfig, body: string, hmacHex: HmacHex): RequestSpec {
  return {
    method: 'POST',
    url: `${cfg.ingestUrl}/webhooks/whatsapp`,
    headers: { 'content-type': 'application/json', 'user-agent': 'facebookexternalua', 'x-hub-signature-256': signature(hmacHex, cfg.metaAppSecret, body) },
    body,
    endpoint: 'webhook',
  };
}
