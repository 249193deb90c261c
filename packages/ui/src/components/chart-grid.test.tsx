import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartGrid } from './chart-grid';

const svg = (props: Parameters<typeof ChartGrid>[0]) =>
  renderToStaticMarkup(createElement('svg', null, createElement(ChartGrid, props)));

describe('ChartGrid', () => {
  it('draws a line and a label at 0, half and the top, placed by the chart’s y scale', () => {
    const html = svg({ top: 80, y: (v) => 100 - v, left: 40, right: 400 });
    expect(html.match(/<line /g)).toHaveLength(3);
    expect(html).toContain('y1="20" y2="20"');
    expect([...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['0', '40', '80']);
  });

  it('writes labels with the given format', () => {
    const html = svg({ top: 2, y: (v) => v, left: 0, right: 10, format: (v) => `$${v.toFixed(2)}` });
    expect(html).toContain('$1.00');
  });
});
