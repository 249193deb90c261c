/**
 * Where the suites point and with which secrets, from the environment: k6 passes `__ENV`
 * (`k6 run -e API_URL=…`), the npm runner passes its parsed environment. Defaults are the
 * local stack's ports (docs/architecture.md). Plain module.
 */
import { profileOf, type Profile } from './profiles.ts';

export interface LoadConfig {
  profile: Profile;
  apiUrl: string;
  ingestUrl: string;
  /** The api accepts mutations only from its allowed origins (PUBLIC_URL / ALLOWED_ORIGINS). */
  origin: string;
  /** Signs webhook bodies; must be ingest's META_APP_SECRET. */
  metaAppSecret: string;
  /** Webhook POSTs per second on an average day. */
  webhookRate: number;
  /** Recipients of each campaign journey, and how many journeys run at once on an average day. */
  campaignRecipients: number;
  campaignVus: number;
  /** The throughput the campaign's number allows (msg/s): the completion budget is derived from it. */
  campaignMps: number;
  /** api-read iterations per second on an average day. */
  readRate: number;
  /** The seeded tenant's owner (seed/main.ts prints these). */
  readEmail: string;
  readPassword: string;
  /** Distinguishes this run's phone numbers, e-mails and wamids from every other run's. */
  runId: string;
  summaryDir: string;
}

type Env = Record<string, string | undefined>;

const num = (env: Env, name: string, fallback: number) => {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${text} must be a positive number`);
  return value;
};

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** `now` seeds the run id when RUN_ID is not given (k6 and Node both have Date). */
export function loadConfig(env: Env, now = Date.now()): LoadConfig {
  const apiUrl = trimSlash(env.API_URL || 'http://localhost:4000');
  return {
    profile: profileOf(env.PROFILE),
    apiUrl,
    ingestUrl: trimSlash(env.INGEST_URL || 'http://localhost:4001'),
    origin: trimSlash(env.ORIGIN || apiUrl),
    metaAppSecret: env.META_APP_SECRET || 'sandbox-app-secret',
    webhookRate: num(env, 'WEBHOOK_RATE', 500),
    campaignRecipients: num(env, 'CAMPAIGN_RECIPIENTS', 200),
    campaignVus: num(env, 'CAMPAIGN_VUS', 3),
    campaignMps: num(env, 'CAMPAIGN_MPS', 80),
    readRate: num(env, 'READ_RATE', 20),
    readEmail: env.LOAD_EMAIL || 'load-reads@example.test',
    readPassword: env.LOAD_PASSWORD || 'load-reads-password',
    runId: env.RUN_ID || now.toString(36),
    summaryDir: trimSlash(env.SUMMARY_DIR || 'test-output/load'),
  };
}
