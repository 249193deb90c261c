/**
 * Meta → ingest at a constant arrival rate: signed status webhooks (one update, or ten batched
 * in every tenth POST), each answered 200 only after Kafka acknowledged it.
 *
 *   k6 run -e INGEST_URL=http://localhost:4001 -e META_APP_SECRET=… -e PROFILE=average -e WEBHOOK_RATE=500 load-tests/scenarios/webhook-ingest.ts
 */
import type { Options } from 'k6/options';
import { loadConfig } from '../lib/config.ts';
import { journeyOptions, runIteration } from '../lib/journeys/journey.ts';
import { webhookIngest } from '../lib/journeys/webhook-ingest.ts';
import type { SummaryData } from '../lib/summary.ts';
import { hmacHex, k6Client, k6Summary } from './support/k6-client.ts';

const cfg = loadConfig(__ENV);
const journey = webhookIngest(hmacHex);
const client = k6Client(journey.metrics);

export const options: Options = journeyOptions(journey, cfg);

export function setup() {
  return journey.setup(client, cfg);
}

export default async function (data: { runId: string }) {
  await runIteration(journey, client, cfg, data);
}

export function handleSummary(data: SummaryData) {
  return k6Summary(data, journey.name, cfg);
}
