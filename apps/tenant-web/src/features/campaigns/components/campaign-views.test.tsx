import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar';
import { SendRateChart } from './send-rate-chart';
import { MessagingLimitFit } from './wizard/messaging-limit-fit';

const counters = {
  total: 10,
  pending: 2,
  queued: 0,
  sending: 0,
  retryWait: 0,
  accepted: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 1,
  skipped: 1,
};
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('campaign views', () => {
  it('explains a campaign that does not fit the messaging limit, day by day', () => {
    const html = renderToStaticMarkup(
      createElement(MessagingLimitFit, {
        limit: {
          tier: 'TIER_250',
          limit: 250,
          usedLast24h: 100,
          available: 150,
          fits: false,
          days: [
            { day: '2026-11-25', count: 150 },
            { day: '2026-11-26', count: 250 },
            { day: '2026-11-27', count: 40 },
          ],
          note: null,
        },
      }),
    );
    expect(html).toContain('data-fits="false"');
    expect(text(html)).toContain('Limit 250 per 24 h (TIER_250); 100 used in the last 24 h, 150 available.');
    expect(text(html)).toContain('Today (2026-11-25): 150 messages');
    expect(text(html)).toContain('Day 3 (2026-11-27): 40 messages');
  });

  it('says an unlimited tier fits without inventing a number', () => {
    const html = renderToStaticMarkup(
      createElement(MessagingLimitFit, {
        limit: {
          tier: 'TIER_UNLIMITED',
          limit: null,
          usedLast24h: 0,
          available: null,
          fits: true,
          days: [],
          note: null,
        },
      }),
    );
    expect(text(html)).toContain('Limit unlimited per 24 h');
    expect(html).toContain('data-fits="true"');
  });

  it('draws one bar segment per non-empty status, sized by share', () => {
    const html = renderToStaticMarkup(createElement(ProgressBar, { counters, legend: false }));
    expect(html.match(/data-segment="/g)).toHaveLength(6);
    expect(html).toContain('data-segment="read" style="width:30%');
    expect(html).not.toContain('data-segment="queued"');
  });

  it('shows the current rate and waits for a second snapshot before drawing a line', () => {
    const empty = renderToStaticMarkup(
      createElement(SendRateChart, { snapshots: [{ at: 0, attempted: 0 }], windowMs: 60_000 }),
    );
    expect(empty).toContain('Waiting for progress');
    expect(empty).not.toContain('<polyline');
    const live = renderToStaticMarkup(
      createElement(SendRateChart, {
        snapshots: [
          { at: 0, attempted: 0 },
          { at: 5_000, attempted: 100 },
        ],
        windowMs: 60_000,
      }),
    );
    expect(live).toContain('data-rate="20.00"');
    expect(live).toContain('<polyline');
  });
});
