import { describe, expect, it } from 'vitest';
import type { Rate } from '../rates/rate-card.types';
import { chargeRow } from './charge-statuses';

const rates: Rate[] = [
  {
    market: 'North America',
    countryCodes: ['1'],
    category: 'marketing',
    currency: 'USD',
    pricingModel: 'PMP',
    rate: '0.025000',
    tiers: null,
    effectiveFrom: '2026-07-01',
  },
  {
    market: 'North America',
    countryCodes: ['1'],
    category: 'utility',
    currency: 'USD',
    pricingModel: 'PMP',
    rate: '0.003400',
    tiers: [
      { fromCount: 1, rate: '0.0034' },
      { fromCount: 3, rate: '0.003' },
    ],
    effectiveFrom: '2026-07-01',
  },
];
const base = {
  tenant_id: 't',
  wamid: 'wamid.1',
  message_id: '7',
  campaign_id: 'c',
  phone: '+12125550123',
  occurred_at: '2026-11-02T10:00:00Z',
  pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
  conversation: null,
  phone_number_id: 'p',
  timezone: 'UTC',
  markup_percent: '10',
  waba_id: 'w',
};

describe('chargeRow', () => {
  it('prices a PMP delivery by market and the category Meta reports', () => {
    expect(chargeRow(base, rates)).toMatchObject({
      source_ref: 'pmp:wamid.1',
      market: 'North America',
      country_code: '1',
      category: 'marketing',
      billable: true,
      base_rate: '0.025000',
      tiers: null,
      month: '2026-11',
      reason: null,
    });
    expect(chargeRow({ ...base, pricing: { ...base.pricing, category: 'utility' } }, rates)).toMatchObject({
      category: 'utility',
      base_rate: '0.003400',
      tiers: [
        { fromCount: 1, rate: '0.0034' },
        { fromCount: 3, rate: '0.003' },
      ],
    });
  });

  it('records free messages at zero under the same reference', () => {
    expect(
      chargeRow(
        {
          ...base,
          pricing: {
            billable: false,
            pricing_model: 'PMP',
            type: 'free_customer_service',
            category: 'utility',
          },
        },
        rates,
      ),
    ).toMatchObject({ source_ref: 'pmp:wamid.1', billable: false, base_rate: '0', tiers: null });
  });

  it('references a CBP conversation, with its origin and expiry', () => {
    const row = chargeRow(
      {
        ...base,
        pricing: { billable: true, pricing_model: 'CBP', category: 'marketing' },
        conversation: { id: 'conv1', expiration_timestamp: '1748599260', origin: { type: 'marketing' } },
      },
      rates,
    );
    expect(row).toMatchObject({
      source_ref: 'cbp:conv1',
      pricing_model: 'CBP',
      conversation_id: 'conv1',
      origin_type: 'marketing',
      expires_at: '2025-05-30T10:01:00.000Z',
      base_rate: '0.025000',
    });
  });

  it('keeps an unpriced billable delivery visible at zero with the reason', () => {
    expect(chargeRow({ ...base, phone: '+447911123456' }, rates)).toMatchObject({
      billable: false,
      base_rate: '0',
      market: null,
      reason: expect.stringContaining('no PMP rate'),
    });
  });

  it('uses the month of the WABA timezone', () => {
    expect(
      chargeRow({ ...base, occurred_at: '2026-12-01T03:00:00Z', timezone: 'America/Los_Angeles' }, rates)
        .month,
    ).toBe('2026-11');
  });
});
