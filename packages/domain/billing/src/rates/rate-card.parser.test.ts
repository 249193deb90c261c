import { describe, expect, it } from 'vitest';
import { parseCountryCodes, parseRateCard, parseTiers } from './rate-card.parser';
import { readShippedCard } from './shipped-card';

const HEADER = 'market,country_codes,category,rate\n';

describe('parseRateCard', () => {
  it('parses the shipped card without an error', () => {
    const { rows, errors } = parseRateCard(readShippedCard());
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(239);
    expect(rows.find((r) => r.market === 'Rest of Latin America')?.countryCodes).toContain('1809');
    expect(rows.find((r) => r.market === 'Other')?.countryCodes).toEqual([]);
    expect(
      rows.find(
        (r) => r.market === 'Rest of Africa' && r.category === 'utility' && r.effectiveFrom === '2026-10-01',
      )?.tiers,
    ).toHaveLength(6);
  });

  it('accepts Meta-style columns (usd_rate, authentication-international, 1-809)', () => {
    const { rows, errors } = parseRateCard(
      'Market,Country_Codes,Category,USD_Rate\nRest of Latin America,1-809;1-829;591,authentication-international,0.05\n',
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      market: 'Rest of Latin America',
      countryCodes: ['1809', '1829', '591'],
      category: 'authentication_international',
      rate: '0.05',
      pricingModel: 'PMP',
      currency: 'USD',
      effectiveFrom: null,
      line: 2,
    });
  });

  it('names the line and field of every bad cell', () => {
    const csv = `${HEADER}UK,44,marketing,0.05\nFrance,33x,marketing,0.07\nSpain,34,promo,abc\n,49,utility,0.01\n`;
    const { rows, errors } = parseRateCard(csv);
    expect(rows.map((r) => r.market)).toEqual(['UK']);
    expect(errors).toEqual([
      { line: 3, field: 'country_codes', message: expect.stringContaining('33x') },
      { line: 4, field: 'category', message: expect.stringContaining('promo') },
      { line: 4, field: 'rate', message: expect.stringContaining('abc') },
      { line: 5, field: 'market', message: expect.any(String) },
    ]);
  });

  it('counts comment lines in line numbers', () => {
    const { errors } = parseRateCard(`# provenance\n${HEADER}UK,44,marketing,-1\n`);
    expect(errors).toEqual([{ line: 3, field: 'rate', message: expect.any(String) }]);
  });

  it('refuses a rate with more than 6 decimals', () => {
    expect(parseRateCard(`${HEADER}UK,44,marketing,0.0000001\n`).errors[0]?.field).toBe('rate');
  });

  it('refuses a market × category priced twice and a code in two markets', () => {
    const { errors } = parseRateCard(
      `${HEADER}UK,44,marketing,0.05\nUK,44,marketing,0.06\nBritain,44,utility,0.01\n`,
    );
    expect(errors).toEqual([
      { line: 3, field: 'category', message: 'UK marketing is already priced on line 2' },
      { line: 4, field: 'country_codes', message: 'calling code 44 already belongs to UK' },
    ]);
  });

  it('refuses two rest-of-world markets', () => {
    const { errors } = parseRateCard(`${HEADER}Other,,marketing,0.05\nElse,,marketing,0.06\n`);
    expect(errors[0]).toMatchObject({ line: 3, field: 'country_codes' });
  });

  it('reports missing columns on the header line', () => {
    expect(parseRateCard('market,category\nUK,marketing\n').errors).toEqual([
      { line: 1, field: 'header', message: 'missing column(s): country_codes, rate' },
    ]);
  });

  it('reports an empty card and malformed CSV', () => {
    expect(parseRateCard(HEADER).errors[0]).toMatchObject({ line: 1, field: 'csv' });
    expect(parseRateCard(`${HEADER}"UK,44,marketing,0.05\n`).errors[0]?.field).toBe('csv');
  });

  it('validates pricing_model, currency, tiers and effective_from', () => {
    const csv =
      'market,country_codes,category,rate,pricing_model,currency,tiers,effective_from\nUK,44,utility,0.02,XYZ,usdollar,5:0.01,2026-02-30\n';
    expect(parseRateCard(csv).errors.map((e) => e.field)).toEqual([
      'pricing_model',
      'currency',
      'tiers',
      'effective_from',
    ]);
  });
});

describe('parseCountryCodes and parseTiers', () => {
  it('normalises codes and refuses long or non-digit ones', () => {
    expect(parseCountryCodes(' +44 ; 1-876;44')).toEqual(['44', '1876']);
    expect(parseCountryCodes('')).toEqual([]);
    expect(parseCountryCodes('12345')).toMatch(/not a calling code/);
  });

  it('parses increasing tiers starting at 1', () => {
    expect(parseTiers('1:0.004|100001:0.0038')).toEqual([
      { fromCount: 1, rate: '0.004' },
      { fromCount: 100001, rate: '0.0038' },
    ]);
    expect(parseTiers('1:0.004|1:0.0038')).toMatch(/increasing/);
    expect(parseTiers('2:0.004')).toMatch(/start at 1/);
    expect(parseTiers('1-0.004')).toMatch(/fromCount:rate/);
  });
});
