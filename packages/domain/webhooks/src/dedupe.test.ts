import { parseWebhook } from '@dbulk/meta';
import { describe, expect, it } from 'vitest';
import { DEDUPE_KEY_MAX, fitKey, storedDedupeKey } from './dedupe';
import { envelope, FIXTURE_PHONE, messagesValue, preference } from './testing/fixtures';

const capability = (wabaId: string) => parseWebhook(envelope(wabaId, [{ field: 'business_capability_update', value: { max_daily_conversations_per_business: 'TIER_10K' } }], 1767300000)).changes[0]!;

describe('storedDedupeKey', () => {
  it("keeps Meta-id keys as they are (status, inbound, template)", () => {
    const [change] = parseWebhook(envelope('1', [messagesValue(FIXTURE_PHONE, { statuses: [{ id: 'wamid.A', status: 'sent', timestamp: '1' }] })])).changes;
    expect(storedDedupeKey(change!)).toBe('status:wamid.A:sent');
  });

  it('scopes value-hash keys by WABA, so two tenants receiving the same update in the same second both apply it', () => {
    const a = capability('213900000000101');
    const b = capability('213900000000999');
    expect(a.dedupeKey).toBe(b.dedupeKey);
    expect(storedDedupeKey(a)).not.toBe(storedDedupeKey(b));
    expect(storedDedupeKey(a)).toBe(storedDedupeKey(capability('213900000000101')));
  });

  it('scopes preference keys by the business number', () => {
    const pref = (phone: string) => parseWebhook(envelope('1', [{ field: 'user_preferences', value: { metadata: { phone_number_id: phone }, user_preferences: [preference('stop', 5)] } }])).changes[0]!;
    expect(storedDedupeKey(pref('11'))).toBe('pref:15550198762:marketing_messages:stop:5@11');
    expect(storedDedupeKey(pref('22'))).not.toBe(storedDedupeKey(pref('11')));
  });

  it('fits long keys into the column deterministically', () => {
    const long = `status:wamid.${'x'.repeat(400)}:sent`;
    expect(fitKey(long)).toHaveLength(DEDUPE_KEY_MAX);
    expect(fitKey(long)).toBe(fitKey(long));
    expect(fitKey(`${long}2`)).not.toBe(fitKey(long));
    expect(fitKey('short')).toBe('short');
  });
});
