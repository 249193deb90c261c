/**
 * A reporting period: whole calendar days, inclusive, read in the tenant's timezone (the
 * platform's reports read them in UTC). Bounded so one request cannot scan years of ledger.
 */
import { invalid } from '@dbulk/errors';
import type { EntityManager } from '@dbulk/db';

export interface Period {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

export const MAX_PERIOD_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayOf(value: string, field: string): number {
  const at = Date.parse(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value)
    throw invalid('BILLING_PERIOD_INVALID', `${field} must be a date (YYYY-MM-DD), got ${value}`, {
      details: { field },
    });
  return at;
}

/** Checks the period and returns its length in days. */
export function checkPeriod(period: Period): number {
  const from = dayOf(period.from, 'from');
  const to = dayOf(period.to, 'to');
  if (to < from)
    throw invalid(
      'BILLING_PERIOD_INVALID',
      `the period ends (${period.to}) before it starts (${period.from})`,
      { details: { field: 'to' } },
    );
  const days = Math.round((to - from) / DAY_MS) + 1;
  if (days > MAX_PERIOD_DAYS)
    throw invalid(
      'BILLING_PERIOD_TOO_LONG',
      `a report covers at most ${MAX_PERIOD_DAYS} days; ${period.from} to ${period.to} is ${days}`,
      { details: { field: 'from' } },
    );
  return days;
}

/** Every day of the period in order, for charts that show days without spend. */
export function daysOf(period: Period): string[] {
  const days = checkPeriod(period);
  const from = dayOf(period.from, 'from');
  return Array.from({ length: days }, (_, i) => new Date(from + i * DAY_MS).toISOString().slice(0, 10));
}

/**
 * SQL bounds of the period on a timestamptz column in a timezone: `>= from 00:00` and
 * `< to + 1 day 00:00` local time (an index range). Placeholders in order: from, zone, to, zone.
 */
export const periodSql = (column = 'occurred_at') =>
  `${column} >= (?::date)::timestamp at time zone ? and ${column} < ((?::date + 1)::timestamp at time zone ?)`;
export const periodParams = (period: Period, zone: string) => [period.from, zone, period.to, zone];

/** The tenant's timezone (IANA name); billing days are the tenant's days. */
export async function tenantZone(em: EntityManager, tenantId: string): Promise<string> {
  const [row] = await em.execute<{ timezone: string }[]>(`select timezone from tenants where id = ?::uuid`, [
    tenantId,
  ]);
  return row?.timezone ?? 'UTC';
}
