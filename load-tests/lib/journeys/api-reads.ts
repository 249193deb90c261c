/**
 * The api's reads over a large tenant (seed/main.ts makes one: many contacts, campaigns with
 * hundreds of thousands of messages). Each iteration is what a user's session does across the
 * app: the campaign list and its second page, a campaign's messages filtered by status and paged
 * three deep, a contacts search, the dashboard's stats. Started at a constant arrival rate.
 * Plain module.
 */
import { JourneyError, type Client } from '../client.ts';
import type { LoadConfig } from '../config.ts';
import { arrivalProfile } from '../profiles.ts';
import { sessionFrom, trpcData, trpcMutation, trpcQuery } from '../trpc.ts';
import type { Endpoint } from '../thresholds.ts';
import type { Journey } from './journey.ts';

interface Prepared {
  session: string;
  /** The largest campaigns (most messages) first. */
  campaignIds: string[];
}

interface Page<T> { items: T[]; nextCursor: string | null }
interface CampaignSummary { id: string; counters: { total: number } }

const FILTERS = [undefined, 'DELIVERED', 'READ', 'FAILED'] as const;
const SEARCHES = ['49151', 'Load 1', '0042', 'Contact 9'];

function query<T>(client: Client, cfg: LoadConfig, data: Prepared, path: string, input: unknown, endpoint: Endpoint): Promise<T> {
  return client.request(trpcQuery(cfg, path, input, endpoint, data.session)).then((reply) => {
    const ok = client.check(`${path} answered 200`, reply.status === 200);
    if (!ok) throw new JourneyError(`${path}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
    return trpcData<T>(reply, path);
  });
}

export const apiReads: Journey<Prepared> = {
  name: 'api-reads',
  endpoints: ['auth', 'campaigns_list', 'campaign_messages', 'contacts_search', 'dashboard_stats'],
  metrics: [{ name: 'messages_rows_read', type: 'counter' }],
  extraThresholds: () => ({ checks: ['rate>0.99'] }),
  executor: (cfg) => arrivalProfile(cfg.profile, { rate: cfg.readRate, smokeRate: 2, maxVUs: 50 }),

  async setup(client, cfg) {
    const reply = await client.request(trpcMutation(cfg, 'auth.signIn', { email: cfg.readEmail, password: cfg.readPassword }, 'auth', null));
    trpcData(reply, `auth.signIn as ${cfg.readEmail} (run seed/main.ts first)`);
    const session = sessionFrom(reply);
    if (!session) throw new JourneyError('auth.signIn set no session cookie');
    const page = trpcData<Page<CampaignSummary>>(
      await client.request(trpcQuery(cfg, 'campaigns.list', { limit: 100 }, 'campaigns_list', session)),
      'campaigns.list',
    );
    const campaignIds = [...page.items].sort((a, b) => b.counters.total - a.counters.total).slice(0, 5).map((c) => c.id);
    if (campaignIds.length === 0) throw new JourneyError(`${cfg.readEmail} has no campaigns: run seed/main.ts first`);
    return { session, campaignIds };
  },

  async iteration(client, cfg, data) {
    const n = client.vu().iterationInTest;
    const first = await query<Page<CampaignSummary>>(client, cfg, data, 'campaigns.list', { limit: 25 }, 'campaigns_list');
    if (first.nextCursor) await query(client, cfg, data, 'campaigns.list', { limit: 25, cursor: first.nextCursor }, 'campaigns_list');

    const campaignId = data.campaignIds[n % data.campaignIds.length]!;
    const status = FILTERS[n % FILTERS.length];
    let cursor: string | null = null;
    for (let depth = 0; depth < 3; depth++) {
      const input = { campaignId, limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
      const page: Page<unknown> = await query<Page<unknown>>(client, cfg, data, 'campaigns.messages', input, 'campaign_messages');
      client.add('messages_rows_read', page.items.length);
      cursor = page.nextCursor;
      if (!cursor) break;
    }

    await query(client, cfg, data, 'contacts.list', { search: SEARCHES[n % SEARCHES.length], limit: 25 }, 'contacts_search');
    await query(client, cfg, data, 'campaigns.stats', undefined, 'dashboard_stats');
  },
};
