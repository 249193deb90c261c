import { describe, expect, it } from 'vitest';
import type { Rate } from '../rates/rate-card.types';
import { decideCharge, localDay, tierRate, withMarkup } from './pricing';
import { quoteOf } from './quote';
import { rateFor } from './rate-lookup';

const rate = (
  market: string,
  category: string,
  value: string,
  effectiveFrom: string,
  extra: Partial<Rate> = {},
): Rate => ({
  market,
  countryCodes: market === 'UK' ? ['44'] : market === 'NA' ? ['1'] : [],
  category,
  currency: 'USD',
  pricingModel: 'PMP',
  rate: value,
  tiers: null,
  effectiveFrom,
  ...extra,
});

describe('decideCharge', () => {
  it('charges a regular PMP message', () => {
    expect(
      decideCharge(
        { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
        '2026-11-01',
      ),
    ).toEqual({ model: 'PMP', billable: true, category: 'marketing', pricingType: 'regular' });
  });

  it('records free customer service and free entry point at zero', () => {
    expect(
      decideCharge(
        { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'utility' },
        '2026-11-01',
      ).billable,
    ).toBe(false);
    expect(
      decideCharge(
        { billable: true, pricing_model: 'PMP', type: 'free_entry_point', category: 'marketing' },
        '2026-11-01',
      ).billable,
    ).toBe(false);
    expect(
      decideCharge(
        { billable: false, pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' },
        '2026-11-01',
      ).billable,
    ).toBe(false);
  });

  it('charges service messages only from 2026-10-01', () => {
    const service = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'service' };
    expect(decideCharge(service, '2026-09-30').billable).toBe(false);
    expect(decideCharge(service, '2026-10-01').billable).toBe(true);
  });

  it('charges a billable CBP conversation and normalises Meta category spellings', () => {
    expect(
      decideCharge(
        { billable: true, pricing_model: 'CBP', category: 'authentication-international' },
        '2025-05-01',
      ),
    ).toEqual({ model: 'CBP', billable: true, category: 'authentication_international', pricingType: null });
    expect(
      decideCharge({ billable: false, pricing_model: 'CBP', category: 'service' }, '2025-05-01').billable,
    ).toBe(false);
  });
});

describe('money maths', () => {
  it('adds markup in millionths', () => {
    expect(withMarkup('0.0250', '0')).toBe('0.025000');
    expect(withMarkup('0.0250', '15')).toBe('0.028750');
    expect(withMarkup('0.0034', '12.5')).toBe('0.003825');
    expect(withMarkup('0.000001', '50')).toBe('0.000002');
  });

  it('picks the tier of a position', () => {
    const tiers = [
      { fromCount: 1, rate: '0.004' },
      { fromCount: 100001, rate: '0.0038' },
      { fromCount: 1000001, rate: '0.0036' },
    ];
    expect(tierRate('0.004', tiers, 1)).toBe('0.004');
    expect(tierRate('0.004', tiers, 100000)).toBe('0.004');
    expect(tierRate('0.004', tiers, 100001)).toBe('0.0038');
    expect(tierRate('0.004', tiers, 5000000)).toBe('0.0036');
    expect(tierRate('0.005', null, 5000000)).toBe('0.005');
  });

  it('reads the day in the WABA timezone', () => {
    const at = new Date('2026-10-01T02:30:00Z');
    expect(localDay(at, 'UTC')).toBe('2026-10-01');
    expect(localDay(at, 'America/New_York')).toBe('2026-09-30');
    expect(localDay(new Date('2026-09-30T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-10-01');
    expect(localDay(at, 'Not/AZone')).toBe('2026-10-01');
  });
});

describe('rateFor', () => {
  const rates = [
    rate('UK', 'marketing', '0.05', '2026-07-01'),
    rate('UK', 'marketing', '0.06', '2026-10-01'),
    rate('UK', 'utility', '0.02', '2026-07-01'),
    rate('UK', 'authentication', '0.03', '2026-07-01'),
  ];
  const q = { market: 'UK', category: 'marketing', pricingModel: 'PMP', currency: 'USD' };

  it('takes the latest rate on or before the day', () => {
    expect(rateFor(rates, { ...q, day: '2026-09-30' })?.rate).toBe('0.05');
    expect(rateFor(rates, { ...q, day: '2026-10-01' })?.rate).toBe('0.06');
    expect(rateFor(rates, { ...q, day: '2026-06-30' })).toBeNull();
  });

  it('falls back: CBP to PMP, authentication-international to authentication, service to utility', () => {
    expect(rateFor(rates, { ...q, pricingModel: 'CBP', day: '2026-11-01' })?.rate).toBe('0.06');
    expect(rateFor(rates, { ...q, category: 'authentication_international', day: '2026-11-01' })?.rate).toBe(
      '0.03',
    );
    expect(rateFor(rates, { ...q, category: 'service', day: '2026-11-01' })?.rate).toBe('0.02');
    expect(rateFor(rates, { ...q, currency: 'INR', day: '2026-11-01' })).toBeNull();
  });
});

describe('quoteOf', () => {
  const rates = [
    rate('UK', 'marketing', '0.05', '2026-07-01'),
    rate('NA', 'marketing', '0.025', '2026-07-01'),
    rate('Other', 'marketing', '0.06', '2026-07-01'),
  ];

  it('prices prefix counts by market with markup, biggest first', () => {
    const quote = quoteOf(rates, {
      prefixes: [
        { prefix: '4479', count: 10 },
        { prefix: '1212', count: 100 },
        { prefix: '3361', count: 1 },
      ],
      category: 'MARKETING',
      day: '2026-11-01',
      markupPercent: '10',
    });
    expect(quote.lines).toEqual([
      { market: 'NA', count: 100, rate: '0.027500', amount: '2.750000' },
      { market: 'UK', count: 10, rate: '0.055000', amount: '0.550000' },
      { market: 'Other', count: 1, rate: '0.066000', amount: '0.066000' },
    ]);
    expect(quote.total).toBe('3.366000');
    expect(quote.unpriced).toBe(0);
  });

  it('counts recipients without a rate as unpriced', () => {
    const quote = quoteOf(rates, {
      prefixes: [{ prefix: '4479', count: 3 }],
      category: 'utility',
      day: '2026-11-01',
      markupPercent: '0',
    });
    expect(quote).toMatchObject({ total: '0.000000', unpriced: 3, lines: [] });
  });
});
