/**
 * The api's reads over a large tenant at a constant arrival rate: campaign list (two pages),
 * a campaign's messages filtered by status and paged three deep, a contacts search, the
 * dashboard's stats. Seed the tenant first: `npm run load:seed` (see README.md).
 *
 *   k6 run -e API_URL=http://localhost:4000 -e LOAD_EMAIL=… -e LOAD_PASSWORD=… -e PROFILE=average -e READ_RATE=20 load-tests/scenarios/api-reads.ts
 */
import type { Options } from 'k6/options';
import { loadConfig } from '../lib/config.ts';
import { apiReads } from '../lib/journeys/api-reads.ts';
import { journeyOptions, runIteration } from '../lib/journeys/journey.ts';
import type { SummaryData } from '../lib/summary.ts';
import { k6Client, k6Summary } from './support/k6-client.ts';

type Prepared = Awaited<ReturnType<typeof apiReads.setup>>;

const cfg = loadConfig(__ENV);
const client = k6Client(apiReads.metrics);

export const options: Options = journeyOptions(apiReads, cfg);

export function setup() {
  return apiReads.setup(client, cfg);
}

export default async function (data: Prepared) {
  await runIteration(apiReads, client, cfg, data);
}

export function handleSummary(data: SummaryData) {
  return k6Summary(data, apiReads.name, cfg);
}
