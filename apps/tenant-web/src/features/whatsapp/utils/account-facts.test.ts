import { describe, expect, it } from 'vitest';
import { messagingLimitText, numberTitle, qualityOf, throughputText } from './account-facts';

describe('qualityOf', () => {
  it('names Meta’s ratings as WhatsApp Manager does, coloured', () => {
    expect(qualityOf('GREEN')).toEqual({ label: 'High', tone: 'success', rating: 'GREEN' });
    expect(qualityOf('yellow').tone).toBe('warning');
    expect(qualityOf('RED').label).toBe('Low');
  });

  it('treats NA, UNKNOWN and missing as not rated', () => {
    expect(qualityOf('NA').label).toBe('Not rated yet');
    expect(qualityOf(null).rating).toBe('NA');
  });
});

describe('messagingLimitText', () => {
  it('shows the number of users a tier allows per 24 h', () => {
    expect(messagingLimitText('TIER_2K', 2000)).toBe('2,000 users / 24 h');
    expect(messagingLimitText('TIER_UNLIMITED', -1)).toBe('Unlimited');
    expect(messagingLimitText('TIER_NOT_SET', null)).toBe('not set');
    expect(messagingLimitText(null, null)).toBe('Not reported');
  });
});

describe('throughputText and numberTitle', () => {
  it('formats throughput and phone numbers', () => {
    expect(throughputText(80, 'STANDARD')).toBe('80 msg/s · Standard');
    expect(throughputText(1000, null)).toBe('1,000 msg/s');
    expect(numberTitle({ displayPhoneNumber: '15550000001', phoneNumberId: '1' })).toBe('+15550000001');
    expect(numberTitle({ displayPhoneNumber: null, phoneNumberId: '42' })).toBe('Number 42');
  });
});
