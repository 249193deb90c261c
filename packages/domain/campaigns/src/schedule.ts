/**
 * Scheduled times are entered in the tenant's timezone (tenants.timezone): "2026-03-10T09:00"
 * means nine in the morning there. An ISO time with an offset or Z is taken as it is. Pure;
 * the zone's rules (DST included) come from @date-fns/tz over Intl.
 */
import { TZDate } from '@date-fns/tz';
import { CampaignErrors } from './campaigns.errors';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

export function parseScheduledAt(value: string, timezone: string): Date {
  const local = LOCAL.exec(value.trim());
  const at = local
    ? (() => {
        const [, y, mo, d, h, mi, s] = local.map(Number) as number[];
        return new TZDate(y!, mo! - 1, d!, h!, mi!, s || 0, timezone).getTime();
      })()
    : new Date(value).getTime();
  // NaN: not a time, or a timezone Intl does not know.
  if (Number.isNaN(at)) throw CampaignErrors.badSchedule(value, timezone);
  return new Date(at);
}
