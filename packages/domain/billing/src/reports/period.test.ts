import { describe, expect, it } from 'vitest';
import { isAppError } from '@dbulk/errors';
import { checkPeriod, daysOf, MAX_PERIOD_DAYS } from './period';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (err) {
    return isAppError(err) ? err.code : 'UNKNOWN';
  }
};

describe('report periods', () => {
  it('counts both ends of the period', () => {
    expect(checkPeriod({ from: '2026-07-01', to: '2026-07-01' })).toBe(1);
    expect(checkPeriod({ from: '2026-02-01', to: '2026-03-01' })).toBe(29);
  });

  it('lists every day across a month end and a leap day', () => {
    expect(daysOf({ from: '2028-02-28', to: '2028-03-01' })).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
  });

  it('rejects impossible dates, reversed periods and periods over the bound', () => {
    expect(codeOf(() => checkPeriod({ from: '2026-02-30', to: '2026-03-01' }))).toBe(
      'BILLING_PERIOD_INVALID',
    );
    expect(codeOf(() => checkPeriod({ from: '2026/01/01', to: '2026-03-01' }))).toBe(
      'BILLING_PERIOD_INVALID',
    );
    expect(codeOf(() => checkPeriod({ from: '2026-03-02', to: '2026-03-01' }))).toBe(
      'BILLING_PERIOD_INVALID',
    );
    expect(codeOf(() => checkPeriod({ from: '2025-01-01', to: '2026-03-01' }))).toBe(
      'BILLING_PERIOD_TOO_LONG',
    );
    expect(MAX_PERIOD_DAYS).toBeGreaterThanOrEqual(366);
  });
});
