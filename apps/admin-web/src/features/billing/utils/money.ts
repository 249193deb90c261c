/** USD as the ledger keeps it; up to 4 decimals below a dollar (Meta's rates go below a cent). */
export function formatMoney(amount: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.abs(amount) < 1 && amount !== 0 ? 6 : 2,
  }).format(amount);
}

export const formatPercent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Parses what an admin typed as money: digits, one optional sign and point, at most 6 decimals. */
export function parseAmount(text: string, { signed = false } = {}): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  const pattern = signed ? /^[+-]?\d+(\.\d{1,6})?$/ : /^\d+(\.\d{1,6})?$/;
  if (!pattern.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && Math.abs(value) <= 1_000_000_000 ? value : null;
}
