/** Labels for rate-card cells. */
export const codesLabel = (codes: readonly string[]) =>
  codes.length === 0 ? 'every other code' : codes.map((c) => `+${c}`).join(', ');

export const tiersLabel = (tiers: readonly { fromCount: number; rate: string }[] | null) =>
  !tiers || tiers.length === 0
    ? '—'
    : tiers.map((t) => `from ${t.fromCount.toLocaleString('en-US')}: $${Number(t.rate)}`).join(' · ');

/** Reads a chosen file as text in the browser (the CSV goes to the api as a string). */
export const readFileText = (file: File) => file.text();
