/**
 * `phone_number_quality_update` and `business_capability_update` → the fields of the
 * WhatsApp accounts they change: throughput (THROUGHPUT_UPGRADE → HIGH, 1,000 mps), the
 * portfolio messaging-limit tier (names or numbers, by API version) and, for legacy events,
 * the quality rating.
 * @see /work/shared/meta/README.md §2.6, §3.1, §3.3, §5
 */
import { MESSAGING_LIMIT_TIERS, throughputMpsOf, type BusinessCapabilityUpdate, type PhoneNumberQualityUpdate } from '@dbulk/meta';

export interface AccountFields {
  qualityRating?: string;
  messagingLimitTier?: string;
  throughputLevel?: string;
  throughputMps?: number;
}

const BY_NUMBER = new Map<number, string>(
  Object.entries(MESSAGING_LIMIT_TIERS)
    .filter(([name]) => name !== 'UNLIMITED')
    .map(([name, limit]) => [limit, name]),
);

/**
 * A tier name as stored in `messaging_limit_tier`, or undefined when the value says nothing
 * (TIER_NOT_SET, empty). Unknown names are kept as Meta sent them: a new tier must not be lost.
 */
export function messagingTierOf(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number' || /^\d+$/.test(value)) return BY_NUMBER.get(Number(value)) ?? `LIMIT_${value}`;
  if (value === 'TIER_NOT_SET') return undefined;
  return value === 'UNLIMITED' ? 'TIER_UNLIMITED' : value.slice(0, 32);
}

const LEGACY_QUALITY: Record<string, string> = {
  // Pre-October-2025 events: FLAGGED meant a low (RED) rating; UNFLAGGED does not say which
  // rating followed, so "not determined" until the next refresh from the Graph API.
  FLAGGED: 'RED',
  UNFLAGGED: 'NA',
};

function stringField(value: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const field = value[name];
    if (typeof field === 'string' && field) return field;
  }
  return undefined;
}

export function phoneQualityFields(value: PhoneNumberQualityUpdate): AccountFields {
  const fields: AccountFields = {};
  if (value.event === 'THROUGHPUT_UPGRADE') {
    fields.throughputLevel = 'HIGH';
    fields.throughputMps = throughputMpsOf('HIGH');
  }
  const tier = messagingTierOf(value.current_limit) ?? messagingTierOf(value.max_daily_conversations_per_business);
  if (tier) fields.messagingLimitTier = tier;
  const quality = stringField(value, 'current_quality_rating', 'quality_rating') ?? LEGACY_QUALITY[value.event];
  if (quality) fields.qualityRating = quality.slice(0, 16);
  return fields;
}

export function capabilityFields(value: BusinessCapabilityUpdate): AccountFields {
  const tier = messagingTierOf(value.max_daily_conversations_per_business) ?? messagingTierOf(value.max_daily_conversation_per_phone);
  return tier ? { messagingLimitTier: tier } : {};
}

export const hasFields = (fields: AccountFields) => Object.keys(fields).length > 0;
