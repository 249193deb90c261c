/** The journeys by scenario name, for the npm runner and the options tests. Plain module. */
import type { HmacHex } from '../webhooks.ts';
import { apiReads } from './api-reads.ts';
import { campaignE2e } from './campaign-e2e.ts';
import type { Journey } from './journey.ts';
import { webhookIngest } from './webhook-ingest.ts';

export const SCENARIOS = ['webhook-ingest', 'campaign-e2e', 'api-reads'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export function journeyFor(name: string, hmacHex: HmacHex): Journey<unknown> {
  switch (name) {
    case 'webhook-ingest': return webhookIngest(hmacHex) as Journey<unknown>;
    case 'campaign-e2e': return campaignE2e as Journey<unknown>;
    case 'api-reads': return apiReads as Journey<unknown>;
    default: throw new Error(`unknown scenario "${name}": one of ${SCENARIOS.join(', ')}`);
  }
}
