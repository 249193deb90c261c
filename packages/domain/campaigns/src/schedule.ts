/**
 * Scheduled times are entered in the tenant's timezone (tenants.timezone): "2026-03-10T09:00"
 * means nine in the morning there. An ISO time with an offset or Z is taken as it is. Pure.
 */
import { CampaignErrors } from './campaigns.errors';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The offset of `timezone` at `utc`, in minutes east of UTC. */
function offsetMinutes(utc: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utc);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - utc.getTime()) / 60_000);
}

export function parseScheduledAt(value: string, timezone: string): Date {
  const local = LOCAL.exec(value.trim());
  if (!local) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw CampaignErrors.badSchedule(value, timezone);
    return date;
  }
  const [, y, mo, d, h, mi, s] = local.map(Number) as number[];
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  // Two passes settle times near a DST change on the offset in force at the result.
  let utc = guess - offsetMinutes(new Date(guess), timezone) * 60_000;
  utc = guess - offsetMinutes(new Date(utc), timezone) * 60_000;
  return new Date(utc);
}
