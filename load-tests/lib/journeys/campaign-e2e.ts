/**
 * A campaign end to end through the api and the Meta sandbox: setup signs a new tenant up,
 * connects a sandbox number and imports its templates (hello_world is approved there); each
 * iteration uploads its own recipients, creates and starts a campaign and polls it, as the
 * progress page does, until it is COMPLETED and every delivery report came back. Recipients are
 * unique per iteration (the sandbox limits messages per number → user pair). Plain module.
 */
import { expectStatus, JourneyError, type Client } from '../client.ts';
import type { LoadConfig } from '../config.ts';
import { journeyProfile } from '../profiles.ts';
import { sessionFrom, trpcData, trpcMutation, trpcQuery } from '../trpc.ts';
import type { Journey } from './journey.ts';
import { recipientsCsv, uploadRequest } from './contacts-csv.ts';

interface Prepared {
  session: string;
  tenantId: string;
  accountId: string;
  templateId: string;
}

interface Counters { total: number; accepted: number; sent: number; delivered: number; read: number; failed: number; skipped: number }
interface CampaignDetail { status: string; counters: Counters }

const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/** Start → COMPLETED budget: the send time at the number's rate, half again for pacing, plus 30 s. */
export function completionBudgetMs(cfg: LoadConfig): number {
  return Math.round(30_000 + (1.5 * cfg.campaignRecipients * 1_000) / cfg.campaignMps);
}

/** Start → every delivery report in: Meta reports delivery within seconds of sending; 30 s more. */
export function deliveryBudgetMs(cfg: LoadConfig): number {
  return completionBudgetMs(cfg) + 30_000;
}

const delivered = (c: Counters) => c.delivered + c.read;

async function call<T>(client: Client, spec: Parameters<Client['request']>[0], path: string): Promise<T> {
  return trpcData<T>(await client.request(spec), path);
}

export const campaignE2e: Journey<Prepared> = {
  name: 'campaign-e2e',
  endpoints: ['auth', 'setup_write', 'contacts_upload', 'campaign_start', 'campaign_poll'],
  metrics: [
    { name: 'campaign_completion_time', type: 'trend', isTime: true },
    { name: 'campaign_delivery_time', type: 'trend', isTime: true },
    { name: 'campaign_messages_accepted', type: 'counter' },
  ],
  extraThresholds: (cfg) => ({
    campaign_completion_time: [`p(95)<${completionBudgetMs(cfg)}`],
    campaign_delivery_time: [`p(95)<${deliveryBudgetMs(cfg)}`],
    checks: ['rate>0.99'],
  }),
  executor: (cfg) => journeyProfile(cfg.profile, { vus: cfg.campaignVus, smokeMaxDuration: '3m' }),

  async setup(client, cfg) {
    const email = `load-${cfg.runId}@example.test`;
    const signUp = await client.request(
      trpcMutation(cfg, 'auth.signUp', { email, password: `load-${cfg.runId}-password`, name: 'Load Tester', tenantName: `Load ${cfg.runId}` }, 'auth', null),
    );
    const { tenantId } = trpcData<{ tenantId: string }>(signUp, 'auth.signUp');
    const session = sessionFrom(signUp);
    if (!session) throw new JourneyError('auth.signUp set no session cookie');
    await call(client, trpcMutation(cfg, 'whatsapp.connectSandbox', undefined, 'setup_write', session), 'whatsapp.connectSandbox');
    const accounts = await call<{ id: string }[]>(client, trpcQuery(cfg, 'whatsapp.list', undefined, 'setup_write', session), 'whatsapp.list');
    const accountId = accounts[0]?.id;
    if (!accountId) throw new JourneyError('whatsapp.list: no account after connectSandbox');
    await call(client, trpcMutation(cfg, 'templates.import', { accountId }, 'setup_write', session), 'templates.import');
    const templates = await call<{ items: { id: string; name: string }[] }>(
      client,
      trpcQuery(cfg, 'templates.list', { status: ['APPROVED'], search: 'hello_world', accountId, limit: 10 }, 'setup_write', session),
      'templates.list',
    );
    const templateId = templates.items.find((t) => t.name === 'hello_world')?.id;
    if (!templateId) throw new JourneyError('templates.list: hello_world is not APPROVED on the sandbox number');
    return { session, tenantId, accountId, templateId };
  },

  async iteration(client, cfg, data) {
    const { id: vu, iteration } = client.vu();
    const label = `load ${cfg.runId} vu${vu} #${iteration}`;
    const list = await call<{ id: string }>(client, trpcMutation(cfg, 'lists.create', { name: label }, 'setup_write', data.session), 'lists.create');
    const uploaded = await client.request(uploadRequest(cfg, data.session, list.id, recipientsCsv(cfg.campaignRecipients, vu, iteration)));
    const upload = JSON.parse(expectStatus(uploaded, 200, 'POST /uploads/contacts').body) as { created: number; rejected: number };
    client.check('every recipient imported', upload.created === cfg.campaignRecipients && upload.rejected === 0);
    const { campaignId } = await call<{ campaignId: string }>(
      client,
      trpcMutation(cfg, 'campaigns.create', { name: label, accountId: data.accountId, templateId: data.templateId, listIds: [list.id] }, 'setup_write', data.session),
      'campaigns.create',
    );
    await call(client, trpcMutation(cfg, 'campaigns.start', { campaignId }, 'campaign_start', data.session), 'campaigns.start');
    const started = Date.now();
    const deadline = started + deliveryBudgetMs(cfg);
    const poll = () => call<CampaignDetail>(client, trpcQuery(cfg, 'campaigns.byId', { campaignId }, 'campaign_poll', data.session), 'campaigns.byId');
    let detail: CampaignDetail;
    let completedAt: number | null = null;
    // Poll as the progress page does (every second): first until COMPLETED (every message accepted
    // by Meta), then until Meta's delivery reports came back through ingest and the processor.
    for (;;) {
      detail = await poll();
      if (completedAt === null && detail.status === 'COMPLETED') completedAt = Date.now();
      const done = FINAL.has(detail.status) && (detail.status !== 'COMPLETED' || delivered(detail.counters) === detail.counters.total);
      if (done || Date.now() >= deadline) break;
      await client.sleep(1);
    }
    const c = detail.counters;
    client.add('campaign_messages_accepted', c.accepted + c.sent + c.delivered + c.read);
    if (client.check('campaign completed', completedAt !== null)) client.add('campaign_completion_time', completedAt! - started);
    client.check('every recipient accepted by Meta', c.total === cfg.campaignRecipients && c.failed === 0 && c.skipped === 0);
    if (client.check('every message delivered', delivered(c) === cfg.campaignRecipients)) client.add('campaign_delivery_time', Date.now() - started);
  },
};
