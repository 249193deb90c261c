/**
 * Progress snapshots on `dbulk.events` (type `campaign.progress`, key tenantId): whoever changes
 * a campaign's messages or status publishes one after commit, and every api replica fans them
 * out to its SSE subscribers. PostgreSQL stays the truth: a lost snapshot is repaired by the next.
 */
import type { EntityManager } from '@dbulk/db';
import type { TypedProducer } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';
import { countersOf, type ProgressSnapshot } from './campaigns.dto';

/** What campaigns code needs of the producer (the api, the planner and tests pass a TypedProducer). */
export type CampaignProducer = Pick<TypedProducer, 'send'>;

export const PROGRESS_EVENT = 'campaign.progress';

export interface TenantProgress extends ProgressSnapshot {
  tenantId: string;
}

/** Current snapshots of the given campaigns, read from their rows. */
export async function readProgress(em: EntityManager, campaignIds: string[]): Promise<TenantProgress[]> {
  if (campaignIds.length === 0) return [];
  const rows: Record<string, unknown>[] = await em.execute(
    `select * from campaigns where id in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
    [JSON.stringify([...new Set(campaignIds)])],
  );
  const at = new Date().toISOString();
  return rows.map((row) => ({
    tenantId: String(row.tenant_id),
    campaignId: String(row.id),
    status: row.status as ProgressSnapshot['status'],
    statusReason: (row.status_reason as string | null) ?? null,
    counters: countersOf(row),
    at,
  }));
}

export async function publishProgress(
  producer: CampaignProducer,
  snapshots: TenantProgress[],
): Promise<void> {
  if (snapshots.length === 0) return;
  await producer.send(
    'dbulk.events',
    snapshots.map(({ tenantId, at, ...data }) => ({
      key: tenantId,
      value: { tenantId, type: PROGRESS_EVENT, at, data: { ...data } },
    })),
  );
}

/** Reads and publishes; a failure is logged, never thrown: the change it reports is already committed. */
export async function announceProgress(
  em: EntityManager,
  producer: CampaignProducer | undefined,
  campaignIds: string[],
  logger?: Logger,
): Promise<void> {
  if (!producer || campaignIds.length === 0) return;
  try {
    await publishProgress(producer, await readProgress(em, campaignIds));
  } catch (err) {
    logger?.warn({ err, campaignIds }, 'could not publish campaign progress');
  }
}
