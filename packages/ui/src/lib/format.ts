/** Formatting for times and durations shown in tables and feeds (the API sends ISO strings). */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "in 2 hours", "yesterday"; "" for a missing or invalid date. */
export function formatRelativeTime(
  value: string | Date | null | undefined,
  now: number = Date.now(),
  locale = 'en',
): string {
  if (value == null) return '';
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size * 0.95 || unit === 'minute') {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return 'just now';
}

/** "25 Nov 2025, 17:41" in the viewer's locale; "" for a missing or invalid date. */
export function formatDateTime(value: string | Date | null | undefined, locale?: string): string {
  if (value == null) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Uptime and waits: "45s", "12m 5s", "3h 20m", "4d 2h". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}

/** "Owner", "Suspended": API enums are lower or upper snake case. */
export function humanize(value: string): string {
  const words = value.replaceAll('_', ' ').replaceAll('.', ' · ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
