import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, parseAmount } from './money';

describe('admin money', () => {
  it('parses amounts with at most six decimals, signed only where allowed', () => {
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('1,000')).toBe(1000);
    expect(parseAmount('-3', { signed: true })).toBe(-3);
    expect(parseAmount('-3')).toBeNull();
    expect(parseAmount('0.0000001')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('2000000000')).toBeNull();
  });

  it('formats rates below a dollar with Meta’s precision and margins as percentages', () => {
    expect(formatMoney(0.0625)).toBe('$0.0625');
    expect(formatMoney(1500)).toBe('$1,500.00');
    expect(formatPercent(0.25)).toBe('25.0%');
    expect(formatPercent(null)).toBe('—');
  });
});
