/**
 * A schedule is typed as a wall-clock time in the tenant's timezone (not the browser's), and
 * stored as an instant. The zone's rules (DST included) come from @date-fns/tz over Intl.
 */
import { TZDate } from '@date-fns/tz';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01T09:30" in `timeZone` → the ISO instant; null when the text is not such a time. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const at = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), timeZone).getTime();
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** The ISO instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone` (for a datetime-local input). */
export function isoToZoned(iso: string, timeZone: string): string {
  const d = new TZDate(iso, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Tue, 1 Dec 2026, 09:30 (Europe/Lisbon)". */
export function formatInZone(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** Whether an instant is still ahead (checked when the step is saved, not while rendering). */
export function isFuture(iso: string, now = Date.now()): boolean {
  return Date.parse(iso) > now;
}
