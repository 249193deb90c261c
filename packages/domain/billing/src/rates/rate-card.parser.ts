/**
 * Rate-card CSV → validated rows, with every problem named by line and field (an upload shows
 * them next to the row). Columns: market, country_codes, category, rate (or usd_rate), and
 * optionally pricing_model (PMP), currency (USD), tiers, effective_from; others are ignored.
 * country_codes: calling-code prefixes separated by ";" ("1-809" = "1809"); empty = every code no
 * other market lists ("Other"). tiers: "fromCount:rate|fromCount:rate", e.g. "1:0.004|100001:0.0038".
 * @see https://csv.js.org/parse/options/
 */
import { parse } from 'csv-parse/sync';
import { PRICING_CATEGORIES, PRICING_MODELS, type PricingCategory, type PricingModel } from '@dbulk/db';
import type { ParsedRate, RateCardError, RateTier } from './rate-card.types';

const RATE = /^\d{1,6}(\.\d{1,6})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED = ['market', 'country_codes', 'category'] as const;

type Cells = Record<string, string>;
interface Record_ {
  record: Cells;
  info: { lines: number };
}

export function parseCountryCodes(raw: string): string[] | string {
  if (raw.trim() === '') return [];
  const codes = raw.split(';').map((c) => c.trim().replace(/^\+/, '').replace(/-/g, ''));
  const bad = codes.find((c) => !/^\d{1,4}$/.test(c));
  return bad === undefined
    ? [...new Set(codes)]
    : `"${bad}" is not a calling code (1 to 4 digits, e.g. 44 or 1-809)`;
}

export function parseTiers(raw: string): RateTier[] | string {
  const tiers: RateTier[] = [];
  for (const part of raw.split('|')) {
    const [from, rate] = part.split(':').map((s) => s.trim());
    if (!from || !rate || !/^\d+$/.test(from) || !RATE.test(rate)) return `"${part}" is not fromCount:rate`;
    if (tiers.length > 0 && Number(from) <= tiers.at(-1)!.fromCount)
      return 'tiers must start at increasing counts';
    tiers.push({ fromCount: Number(from), rate });
  }
  return tiers[0]?.fromCount === 1 ? tiers : 'the first tier must start at 1';
}

const normalCategory = (raw: string) => raw.trim().toLowerCase().replace(/[-\s]/g, '_');
const validDay = (raw: string) =>
  DAY.test(raw) &&
  !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) &&
  new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);

function parseRow(cells: Cells, line: number, errors: RateCardError[]): ParsedRate | null {
  const fail = (field: string, message: string) => errors.push({ line, field, message });
  const before = errors.length;
  const market = (cells.market ?? '').trim();
  if (market === '' || market.length > 64) fail('market', 'market must be 1 to 64 characters');
  const codes = parseCountryCodes(cells.country_codes ?? '');
  if (typeof codes === 'string') fail('country_codes', codes);
  const category = normalCategory(cells.category ?? '');
  if (!(PRICING_CATEGORIES as readonly string[]).includes(category))
    fail('category', `"${cells.category}" is not one of ${PRICING_CATEGORIES.join(', ')}`);
  const rate = (cells.rate ?? cells.usd_rate ?? '').trim();
  if (!RATE.test(rate)) fail('rate', `"${rate}" is not a rate (a number with at most 6 decimals)`);
  const model = (cells.pricing_model ?? '').trim().toUpperCase() || 'PMP';
  if (!(PRICING_MODELS as readonly string[]).includes(model))
    fail('pricing_model', `"${model}" is not CBP or PMP`);
  const currency = (cells.currency ?? '').trim().toUpperCase() || 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) fail('currency', `"${currency}" is not a 3-letter currency code`);
  const tiers = (cells.tiers ?? '').trim() === '' ? null : parseTiers(cells.tiers!);
  if (typeof tiers === 'string') fail('tiers', tiers);
  const effective = (cells.effective_from ?? '').trim();
  if (effective !== '' && !validDay(effective))
    fail('effective_from', `"${effective}" is not a date (YYYY-MM-DD)`);
  if (errors.length > before) return null;
  return {
    market,
    countryCodes: codes as string[],
    category: category as PricingCategory,
    pricingModel: model as PricingModel,
    currency,
    rate,
    tiers: tiers as RateTier[] | null,
    effectiveFrom: effective === '' ? null : effective,
    line,
  };
}

/** Card-wide rules: one rate per market × category × model × date; a code belongs to one market per date. */
function checkCard(rows: ParsedRate[], errors: RateCardError[]): void {
  const keys = new Map<string, number>();
  const owners = new Map<string, string>();
  for (const r of rows) {
    const key = [r.market, r.category, r.pricingModel, r.currency, r.effectiveFrom].join('|');
    const first = keys.get(key);
    if (first !== undefined)
      errors.push({
        line: r.line,
        field: 'category',
        message: `${r.market} ${r.category} is already priced on line ${first}`,
      });
    else keys.set(key, r.line);
    for (const code of r.countryCodes.length ? r.countryCodes : ['']) {
      const owner = `${r.effectiveFrom}|${code}`;
      const market = owners.get(owner);
      if (market !== undefined && market !== r.market) {
        const what = code === '' ? 'the rest-of-world market (empty country_codes)' : `calling code ${code}`;
        errors.push({
          line: r.line,
          field: 'country_codes',
          message: `${what} already belongs to ${market}`,
        });
      } else owners.set(owner, r.market);
    }
  }
}

/** Parses a rate-card CSV; `rows` are the valid rows, `errors` every problem found. */
export function parseRateCard(csv: string): { rows: ParsedRate[]; errors: RateCardError[] } {
  const errors: RateCardError[] = [];
  let records: Record_[];
  try {
    records = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      comment: '#',
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    }) as Record_[];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, field: 'csv', message: (err as Error).message }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (!header.includes('rate') && !header.includes('usd_rate')) missing.push('rate' as never);
  if (records.length > 0 && missing.length > 0)
    return {
      rows: [],
      errors: [{ line: 1, field: 'header', message: `missing column(s): ${missing.join(', ')}` }],
    };
  if (records.length === 0)
    return { rows: [], errors: [{ line: 1, field: 'csv', message: 'the card has no rows' }] };
  const rows = records.flatMap(({ record, info }) => parseRow(record, info.lines, errors) ?? []);
  checkCard(rows, errors);
  return { rows, errors };
}
