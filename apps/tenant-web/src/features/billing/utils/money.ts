/** Money as the ledger keeps it: USD, up to 4 decimals shown (Meta's rates go below a cent). */
export function formatMoney(amount: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.abs(amount) < 1 && amount !== 0 ? 4 : 2,
  }).format(amount);
}

/** Axis labels: "$0", "$1.5", "$1.2k". */
export function formatAxisMoney(amount: number): string {
  if (amount >= 1_000) return `$${(amount / 1_000).toFixed(amount >= 10_000 ? 0 : 1)}k`;
  return `$${Number(amount.toPrecision(3))}`;
}
