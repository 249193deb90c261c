/** How a number's facts from Meta read on screen: quality in Meta's words, limits as numbers. */
import type { BadgeTone } from '@dbulk/ui';

const QUALITY: Record<string, { label: string; tone: BadgeTone }> = {
  GREEN: { label: 'High', tone: 'success' },
  YELLOW: { label: 'Medium', tone: 'warning' },
  RED: { label: 'Low', tone: 'danger' },
};

/** GREEN/YELLOW/RED as Meta's WhatsApp Manager names them; NA/UNKNOWN/null are "not rated yet". */
export function qualityOf(rating: string | null): { label: string; tone: BadgeTone; rating: string } {
  const known = rating ? QUALITY[rating.toUpperCase()] : undefined;
  return known
    ? { ...known, rating: rating!.toUpperCase() }
    : { label: 'Not rated yet', tone: 'neutral', rating: rating ?? 'NA' };
}

const count = new Intl.NumberFormat('en');

/** Meta's portfolio messaging-limit tiers (unique users per rolling 24 h); -1 is unlimited. */
const TIER_LIMITS: Record<string, number> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: -1,
  UNLIMITED: -1,
};

/** For Meta's validate answer, which names the tier only. */
export const limitOfTier = (tier: string | null): number | null =>
  tier ? (TIER_LIMITS[tier.toUpperCase()] ?? null) : null;

/** `TIER_2K` + 2000 → "2,000 users / 24 h"; -1 is unlimited; an unknown tier shows as Meta sent it. */
export function messagingLimitText(tier: string | null, limit: number | null): string {
  if (limit === -1) return 'Unlimited';
  if (limit !== null) return `${count.format(limit)} users / 24 h`;
  return tier
    ? tier
        .replace(/^TIER_/, '')
        .replaceAll('_', ' ')
        .toLowerCase()
    : 'Not reported';
}

/** "TIER_2K" → "2K"; the tier name as WhatsApp Manager shows it. */
export function tierLabel(tier: string | null): string | null {
  return tier ? tier.replace(/^TIER_/, '') : null;
}

export function throughputText(mps: number, level: string | null): string {
  const base = `${count.format(mps)} msg/s`;
  return level ? `${base} · ${level.charAt(0)}${level.slice(1).toLowerCase()}` : base;
}

/** "+1 555-000-0001" as Meta returns it, or the phone number id when Meta gave no display number. */
export function numberTitle(account: { displayPhoneNumber: string | null; phoneNumberId: string }): string {
  if (!account.displayPhoneNumber) return `Number ${account.phoneNumberId}`;
  return account.displayPhoneNumber.startsWith('+')
    ? account.displayPhoneNumber
    : `+${account.displayPhoneNumber}`;
}
