import { describe, expect, it } from 'vitest';
import { messagingLimitOf, TEMPLATE_LIMITS, throughputMpsOf } from './constants';

describe('messaging limits', () => {
  it('maps the ladder, the legacy tiers and unlimited', () => {
    expect(['TIER_50', 'TIER_250', 'TIER_1K', 'TIER_2K', 'TIER_10K', 'TIER_100K'].map(messagingLimitOf)).toEqual([50, 250, 1_000, 2_000, 10_000, 100_000]);
    expect(messagingLimitOf('TIER_UNLIMITED')).toBe(Infinity);
    expect(messagingLimitOf('UNLIMITED')).toBe(Infinity);
  });

  it('knows nothing about TIER_NOT_SET, unknown tiers or inherited keys', () => {
    expect([messagingLimitOf('TIER_NOT_SET'), messagingLimitOf('toString'), messagingLimitOf(undefined)]).toEqual([undefined, undefined, undefined]);
  });
});

describe('throughput', () => {
  it('is 80 by default, 1000 for HIGH and 20 for coexistence numbers', () => {
    expect(throughputMpsOf('STANDARD')).toBe(80);
    expect(throughputMpsOf('HIGH')).toBe(1_000);
    expect(throughputMpsOf('HIGH', { coexistence: true })).toBe(20);
    expect(throughputMpsOf(undefined)).toBe(80);
    expect(throughputMpsOf('SOMETHING_NEW')).toBe(80);
  });
});

describe('template limits', () => {
  it('accepts lowercase, digits and underscore names up to 512 characters', () => {
    expect(TEMPLATE_LIMITS.nameRegex.test('weekend_sale_v2')).toBe(true);
    expect(TEMPLATE_LIMITS.nameRegex.test('a'.repeat(512))).toBe(true);
    for (const bad of ['Weekend', 'sale-2', 'a b', '', 'a'.repeat(513)]) expect(TEMPLATE_LIMITS.nameRegex.test(bad), bad).toBe(false);
  });
});
