import { BusinessCapabilityUpdate, PhoneNumberQualityUpdate } from '@dbulk/meta';
import { describe, expect, it } from 'vitest';
import { capabilityFields, messagingTierOf, phoneQualityFields } from './number-events';

describe('number events', () => {
  it('upgrades throughput to HIGH / 1,000 mps on THROUGHPUT_UPGRADE', () => {
    expect(phoneQualityFields(PhoneNumberQualityUpdate.parse({ event: 'THROUGHPUT_UPGRADE', max_daily_conversations_per_business: 'TIER_UNLIMITED' }))).toEqual({
      throughputLevel: 'HIGH', throughputMps: 1_000, messagingLimitTier: 'TIER_UNLIMITED',
    });
  });

  it('takes the tier and the legacy quality of old quality events', () => {
    expect(phoneQualityFields(PhoneNumberQualityUpdate.parse({ event: 'DOWNGRADE', old_limit: 'TIER_10K', current_limit: 'TIER_1K' }))).toEqual({ messagingLimitTier: 'TIER_1K' });
    expect(phoneQualityFields(PhoneNumberQualityUpdate.parse({ event: 'FLAGGED', current_limit: 'TIER_NOT_SET' }))).toEqual({ qualityRating: 'RED' });
  });

  it('reads the portfolio limit as a tier name or a number', () => {
    expect(capabilityFields(BusinessCapabilityUpdate.parse({ max_daily_conversations_per_business: 2000 }))).toEqual({ messagingLimitTier: 'TIER_2K' });
    expect(capabilityFields(BusinessCapabilityUpdate.parse({ max_daily_conversation_per_phone: 'TIER_100K' }))).toEqual({ messagingLimitTier: 'TIER_100K' });
    expect(capabilityFields(BusinessCapabilityUpdate.parse({ max_phone_numbers_per_business: 20 }))).toEqual({});
    expect(messagingTierOf('UNLIMITED')).toBe('TIER_UNLIMITED');
    expect(messagingTierOf(12345)).toBe('LIMIT_12345');
  });
});
