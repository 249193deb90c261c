import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarginChart } from './margin-chart';

const tenant = (name: string, billed: number, metaCost: number) => ({
  tenantId: name,
  tenantName: name,
  billed,
  metaCost,
  margin: billed - metaCost,
  marginRate: billed ? (billed - metaCost) / billed : null,
  charges: 1,
  creditLimit: null,
  balance: 0,
});

describe('margin chart', () => {
  it('draws Meta’s cost over the billed bar, so the visible rest is the margin, and skips tenants billed nothing', () => {
    const html = renderToStaticMarkup(
      createElement(MarginChart, {
        tenants: [tenant('Acme', 10, 8), tenant('Beta', 5, 4), tenant('Quiet', 0, 0)],
      }),
    );
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(4);
    const [acmeBilled, acmeMeta, betaBilled] = widths as [number, number, number, number];
    expect(acmeMeta / acmeBilled).toBeCloseTo(0.8, 5);
    expect(betaBilled / acmeBilled).toBeCloseTo(0.5, 5);
    expect(html).toContain('Acme: billed $10.00, Meta $8.00, margin $2.00');
    expect(html).not.toContain('Quiet');
  });

  it('says when nothing was billed', () => {
    expect(renderToStaticMarkup(createElement(MarginChart, { tenants: [tenant('Quiet', 0, 0)] }))).toContain(
      'Nothing billed in this period',
    );
  });
});
