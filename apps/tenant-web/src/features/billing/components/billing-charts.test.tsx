import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SpendBars } from './spend-bars';
import { SpendByDayChart } from './spend-by-day-chart';

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('billing charts', () => {
  it('stacks each day’s categories into one column, tallest at the axis maximum', () => {
    const html = renderToStaticMarkup(
      createElement(SpendByDayChart, {
        byDay: [
          { day: '2026-07-01', category: 'marketing', amount: 3 },
          { day: '2026-07-01', category: 'utility', amount: 1 },
          { day: '2026-07-03', category: 'utility', amount: 2 },
        ],
        from: '2026-07-01',
        to: '2026-07-03',
        total: 6,
      }),
    );
    expect(count(html, 'data-testid="spend-bar"')).toBe(3);
    // Axis max for a 4-dollar day is 5: the labels say so.
    expect(html).toContain('>$5<');
    expect(html).toContain('2026-07-01 · Marketing: $3.00');
    expect(html).toMatch(/data-testid="spend-legend".*Marketing.*Utility/s);
    expect(html).not.toContain('No spend in this period');
  });

  it('says so when the period has no spend', () => {
    const html = renderToStaticMarkup(
      createElement(SpendByDayChart, { byDay: [], from: '2026-07-01', to: '2026-07-02', total: 0 }),
    );
    expect(html).toContain('No spend in this period');
    expect(count(html, 'data-testid="spend-bar"')).toBe(0);
  });

  it('draws the largest bar full width and the others in proportion', () => {
    const html = renderToStaticMarkup(
      createElement(SpendBars, {
        title: 'Spend by country',
        description: '',
        testId: 'bars',
        empty: 'none',
        bars: [
          { key: 'IN', label: 'India', amount: 2, count: 4 },
          { key: 'BR', label: 'Brazil', amount: 1, count: 1 },
        ],
      }),
    );
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]! / widths[1]!).toBeCloseTo(2, 5);
    expect(html).toContain('India: $2.00 for 4 charges');
  });
});
