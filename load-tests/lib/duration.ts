/**
 * k6 durations (`90s`, `1m30s`, `2h`, `500ms`, `1.5m`): a sequence of number+unit parts, as Go's
 * time.ParseDuration reads them (k6 also takes a bare number of milliseconds). Plain module.
 * @see https://grafana.com/docs/k6/latest/using-k6/k6-options/reference/#duration
 */
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;

/** Milliseconds, or throws naming the text k6 would reject. */
export function parseDuration(text: string | number): number {
  if (typeof text === 'number') return text;
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  PART.lastIndex = 0;
  let matched = 0;
  for (let m = PART.exec(text); m; m = PART.exec(text)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    matched = PART.lastIndex;
  }
  if (text.length === 0 || matched !== text.length) throw new Error(`"${text}" is not a k6 duration (e.g. 30s, 1m30s, 500ms)`);
  return total;
}

export function formatDuration(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : ms % 1_000 === 0 ? `${ms / 1_000}s` : `${ms}ms`;
}
