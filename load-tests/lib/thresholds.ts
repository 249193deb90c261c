/**
 * Service-level budgets per endpoint tag, turned into k6 thresholds. Every request a journey
 * makes carries `endpoint:<name>`; the thresholds below then judge each endpoint on its own
 * (p95, p99 and error rate), so a slow upload cannot hide behind a thousand fast polls.
 * README.md says why each number is what it is. Plain module (k6 and Node alike).
 */
export interface EndpointBudget {
  /** Milliseconds. */
  p95: number;
  p99: number;
  /** Share of requests that may fail (k6's http_req_failed: not 2xx/3xx, or no answer). */
  errorRate: number;
}

export const BUDGETS = {
  // Meta redelivers on a slow or failed answer; ingest answers only after Kafka acks=all.
  webhook: { p95: 200, p99: 500, errorRate: 0.001 },
  // Sign-up/sign-in hash a password (argon2id ~10 ms here) and write a session.
  auth: { p95: 1_000, p99: 2_000, errorRate: 0.01 },
  // Setup writes: connect the sandbox number, import templates, create lists and drafts.
  setup_write: { p95: 1_500, p99: 3_000, errorRate: 0.01 },
  // A CSV of the journey's recipients streamed into COPY.
  contacts_upload: { p95: 3_000, p99: 5_000, errorRate: 0.01 },
  // Start freezes the audience (one INSERT … SELECT) and holds the quote.
  campaign_start: { p95: 2_000, p99: 4_000, errorRate: 0.01 },
  // What the progress page polls every second while a campaign runs.
  campaign_poll: { p95: 300, p99: 800, errorRate: 0.01 },
  // Reads over a large tenant: one page each, keyset-paged.
  campaigns_list: { p95: 300, p99: 800, errorRate: 0.01 },
  campaign_messages: { p95: 400, p99: 1_000, errorRate: 0.01 },
  contacts_search: { p95: 500, p99: 1_200, errorRate: 0.01 },
  dashboard_stats: { p95: 800, p99: 1_500, errorRate: 0.01 },
} satisfies Record<string, EndpointBudget>;

export type Endpoint = keyof typeof BUDGETS;

/** Thresholds keyed the way k6 reads them: `http_req_duration{endpoint:webhook}`. */
export function endpointThresholds(endpoints: Endpoint[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const endpoint of endpoints) {
    const budget: EndpointBudget = BUDGETS[endpoint];
    out[`http_req_duration{endpoint:${endpoint}}`] = [`p(95)<${budget.p95}`, `p(99)<${budget.p99}`];
    out[`http_req_failed{endpoint:${endpoint}}`] = [`rate<${budget.errorRate}`];
  }
  return out;
}

/** Trend statistics the summary must carry so every threshold above can be read back from it. */
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'];
