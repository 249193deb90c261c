/**
 * A campaign end to end through the api and the Meta sandbox: sign up, connect a sandbox number,
 * import its templates (hello_world), then per iteration upload CAMPAIGN_RECIPIENTS contacts,
 * create and start a campaign and poll it until COMPLETED. Needs the api (META_SANDBOX_URL set),
 * the sender with its planner, the sandbox, ingest and the processor.
 *
 *   k6 run -e API_URL=http://localhost:4000 -e PROFILE=average -e CAMPAIGN_RECIPIENTS=200 load-tests/scenarios/campaign-e2e.ts
 */
import type { Options } from 'k6/options';
import { loadConfig } from '../lib/config.ts';
import { campaignE2e } from '../lib/journeys/campaign-e2e.ts';
import { journeyOptions, runIteration } from '../lib/journeys/journey.ts';
import type { SummaryData } from '../lib/summary.ts';
import { k6Client, k6Summary } from './support/k6-client.ts';

type Prepared = Awaited<ReturnType<typeof campaignE2e.setup>>;

const cfg = loadConfig(__ENV);
const client = k6Client(campaignE2e.metrics);

export const options: Options = journeyOptions(campaignE2e, cfg);

export function setup() {
  return campaignE2e.setup(client, cfg);
}

export default async function (data: Prepared) {
  await runIteration(campaignE2e, client, cfg, data);
}

export function handleSummary(data: SummaryData) {
  return k6Summary(data, campaignE2e.name, cfg);
}
