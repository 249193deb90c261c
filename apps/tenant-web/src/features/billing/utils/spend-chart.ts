/**
 * Shapes the spend report for the SVG charts: one stacked column per day (every day of the
 * period, zero where nothing was spent), categories in a fixed order and colour.
 */
export const CATEGORY_ORDER = [
  'marketing',
  'utility',
  'authentication',
  'authentication_international',
  'service',
  'unknown',
] as const;

export const CATEGORY_COLORS: Record<string, string> = {
  marketing: '#2563eb',
  utility: '#16a34a',
  authentication: '#d97706',
  authentication_international: '#9333ea',
  service: '#0891b2',
  unknown: '#64748b',
};

export const CATEGORY_LABELS: Record<string, string> = {
  marketing: 'Marketing',
  utility: 'Utility',
  authentication: 'Authentication',
  authentication_international: 'Authentication (international)',
  service: 'Service',
  unknown: 'Other',
};

export const categoryLabel = (category: string) => CATEGORY_LABELS[category] ?? category;
export const categoryColor = (category: string) => CATEGORY_COLORS[category] ?? CATEGORY_COLORS.unknown!;

export interface DayStack {
  day: string;
  total: number;
  segments: { category: string; amount: number; from: number }[];
}

/** Every day from `from` to `to` inclusive (UTC calendar arithmetic on plain dates). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= end && days.length < 400; at += 86_400_000)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

export function stackByDay(
  rows: readonly { day: string; category: string; amount: number }[],
  from: string,
  to: string,
): DayStack[] {
  const rank = (c: string) => {
    const i = (CATEGORY_ORDER as readonly string[]).indexOf(c);
    return i === -1 ? CATEGORY_ORDER.length : i;
  };
  return daysBetween(from, to).map((day) => {
    const today = rows
      .filter((r) => r.day === day && r.amount !== 0)
      .sort((a, b) => rank(a.category) - rank(b.category));
    let from = 0;
    const segments = today.map((r) => {
      const segment = { category: r.category, amount: r.amount, from };
      from += r.amount;
      return segment;
    });
    return { day, total: from, segments };
  });
}

/** The categories present, in chart order (for the legend). */
export function categoriesIn(rows: readonly { category: string }[]): string[] {
  const present = new Set(rows.map((r) => r.category));
  return [
    ...CATEGORY_ORDER.filter((c) => present.has(c)),
    ...[...present].filter((c) => !(CATEGORY_ORDER as readonly string[]).includes(c)).sort(),
  ];
}

/** A round axis maximum at or above `value`: 1, 2, 5 × 10ⁿ. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}
