/**
 * The planner's housekeeping statements, each set-wise with its counters (counterDeltaCtes):
 * start scheduled campaigns whose time came, put due retries and stale queue entries back to
 * PENDING, fail sends whose outcome is unknown (never resent: needs review), and complete
 * campaigns with nothing left to do. Each returns the campaign ids it touched.
 */
import { releaseHolds } from '@dbulk/domain-billing';
import type { EntityManager } from '@dbulk/db';
import { counterDeltaCtes } from '../messages/counters';

export const AMBIGUOUS_TITLE = 'Outcome unknown: the request may have reached Meta; not resent automatically';
/** Rows per statement: keeps each transaction short; the next tick takes the rest. */
const BATCH = 5_000;

/** `and <col> in (tenants)` when the planner is limited to some tenants (tests), else nothing. */
export function tenantScope(
  column: string,
  tenantIds: string[] | undefined,
): { sql: string; params: unknown[] } {
  if (!tenantIds) return { sql: '', params: [] };
  return {
    sql: ` and ${column} in (select (jsonb_array_elements_text(?::jsonb))::uuid)`,
    params: [JSON.stringify(tenantIds)],
  };
}

const ids = (rows: { id: string }[]) => [...new Set(rows.map((r) => String(r.id)))];

export async function startDueCampaigns(em: EntityManager, tenantIds?: string[]): Promise<string[]> {
  const scope = tenantScope('tenant_id', tenantIds);
  return ids(
    await em.execute(
      `update campaigns set status = 'RUNNING', started_at = now(), updated_at = now()
       where status = 'SCHEDULED' and scheduled_at <= now()${scope.sql} returning id`,
      scope.params,
    ),
  );
}

async function moveWhere(
  em: EntityManager,
  where: string,
  params: unknown[],
  set: string,
): Promise<string[]> {
  return ids(
    await em.execute(
      `with old as (select id, campaign_id, status from campaign_messages where ${where} order by id limit ${BATCH} for update skip locked),
       moved as (update campaign_messages m set ${set}, updated_at = now() from old where m.id = old.id
                 returning m.id, m.campaign_id, old.status as old_status, m.status as new_status),
       ${counterDeltaCtes('moved')}
       select id from counted`,
      params,
    ),
  );
}

/** RETRY_WAIT rows whose next attempt is due go back to PENDING. */
export function requeueDueRetries(em: EntityManager, tenantIds?: string[]): Promise<string[]> {
  const scope = tenantScope('tenant_id', tenantIds);
  return moveWhere(
    em,
    `status = 'RETRY_WAIT' and next_attempt_at <= now()${scope.sql}`,
    scope.params,
    `status = 'PENDING'`,
  );
}

/** QUEUED rows no sender claimed within the lease (a lost record, a crashed consumer) are planned again. */
export function replanStaleQueued(
  em: EntityManager,
  leaseMs: number,
  tenantIds?: string[],
): Promise<string[]> {
  const scope = tenantScope('c.tenant_id', tenantIds);
  return moveWhere(
    em,
    `campaign_id in (select c.id from campaigns c where c.queued > 0${scope.sql}) and status = 'QUEUED'
     and queued_at < now() - (?::int * interval '1 millisecond')`,
    [...scope.params, leaseMs],
    `status = 'PENDING'`,
  );
}

/** SENDING rows past the lease: Meta may have the message, so it is FAILED for review, never resent. */
export function failStaleSending(
  em: EntityManager,
  leaseMs: number,
  tenantIds?: string[],
): Promise<string[]> {
  const scope = tenantScope('c.tenant_id', tenantIds);
  return moveWhere(
    em,
    `campaign_id in (select c.id from campaigns c where c.sending > 0${scope.sql}) and status = 'SENDING'
     and sending_at < now() - (?::int * interval '1 millisecond')`,
    [...scope.params, leaseMs],
    `status = 'FAILED', reason = 'ambiguous', needs_review = true, failed_at = now(), error_title = '${AMBIGUOUS_TITLE}'`,
  );
}

/** RUNNING campaigns with no message PENDING, QUEUED, SENDING or RETRY_WAIT are done. */
export async function completeFinished(em: EntityManager, tenantIds?: string[]): Promise<string[]> {
  const scope = tenantScope('tenant_id', tenantIds);
  const done = ids(
    await em.execute(
      `update campaigns set status = 'COMPLETED', completed_at = now(), status_code = null, status_reason = null, updated_at = now()
       where status = 'RUNNING' and pending = 0 and queued = 0 and sending = 0 and retry_wait = 0${scope.sql} returning id`,
      scope.params,
    ),
  );
  // What their credit holds did not consume goes back to the tenant's available credit.
  await releaseHolds(em, done);
  return done;
}

export async function killSwitchEngaged(em: EntityManager): Promise<boolean> {
  const rows: { engaged: boolean | null }[] = await em.execute(
    `select (value ->> 'engaged')::boolean as engaged from system_settings where key = 'kill_switch'`,
  );
  return rows[0]?.engaged === true;
}
