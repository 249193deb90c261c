import { parseWebhook, type WebhookChange } from '@dbulk/meta';
import { describe, expect, it } from 'vitest';
import { envelopeOf, kindLabel, storedPayload } from './change-record';
import { storedDedupeKey } from './dedupe';
import { envelope, FIXTURE_PHONE, FIXTURE_WABA, fixtureNames, messagesValue, preference, readFixture, status } from './testing/fixtures';

const SYNTHETIC: Record<string, string> = {
  'statuses with a BSUID and no phone': envelope(FIXTURE_WABA, [messagesValue(FIXTURE_PHONE, { statuses: [{ id: 'wamid.B', status: 'delivered', timestamp: '1767264305', recipient_user_id: 'US.1' }] })]),
  'inbound with contact and unknown type': envelope(FIXTURE_WABA, [
    messagesValue(FIXTURE_PHONE, {
      contacts: [{ wa_id: '15550198762', user_id: 'US.2', profile: { name: 'A' } }],
      messages: [{ from: '15550198762', id: 'wamid.U', timestamp: '1767265012', type: 'ephemeral', ephemeral: { x: 1 } }],
    }),
  ]),
  'system error': envelope(FIXTURE_WABA, [messagesValue(FIXTURE_PHONE, { errors: [{ code: 131000, title: 'Something went wrong', error_data: { details: 'x' } }] })]),
  'user preferences': envelope(FIXTURE_WABA, [
    { field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: FIXTURE_PHONE }, contacts: [{ wa_id: '15550198762' }], user_preferences: [preference('stop', 1767300000)] } },
  ]),
  'capability': envelope(FIXTURE_WABA, [{ field: 'business_capability_update', value: { max_daily_conversations_per_business: 'TIER_10K', max_phone_numbers_per_business: 20 } }], 1767300001),
  'account uninstalled': envelope(FIXTURE_WABA, [{ field: 'account_update', value: { event: 'PARTNER_APP_UNINSTALLED', waba_info: { waba_id: FIXTURE_WABA, owner_business_id: '7' } } }], 1767300002),
  'category update': envelope(FIXTURE_WABA, [{ field: 'template_category_update', value: { message_template_id: 42, previous_category: 'UTILITY', new_category: 'MARKETING' } }], 1767300003),
  'quality update': envelope(FIXTURE_WABA, [{ field: 'message_template_quality_update', value: { message_template_id: 42, previous_quality_score: 'GREEN', new_quality_score: 'RED' } }], 1767300004),
  'unknown field': envelope(FIXTURE_WABA, [{ field: 'security', value: { event: 'PIN_CHANGED' } }], 1767300005),
  'unknown data beside messages': envelope(FIXTURE_WABA, [messagesValue(FIXTURE_PHONE, { calls: [{ id: 'c1' }] })]),
};

const bodies = [...fixtureNames().map((name) => [name, readFixture(name)] as const), ...Object.entries(SYNTHETIC)];

function rebuilt(change: WebhookChange): WebhookChange[] {
  return parseWebhook(envelopeOf(change.wabaId, JSON.parse(JSON.stringify(storedPayload(change))))).changes;
}

describe('stored changes rebuild into the same change', () => {
  it.each(bodies)('%s parses back to the same kind and dedupe key', (_name, body) => {
    const changes = parseWebhook(body).changes;
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      const again = rebuilt(change);
      expect(again).toHaveLength(1);
      expect(again[0]!.kind).toBe(change.kind);
      expect(storedDedupeKey(again[0]!)).toBe(storedDedupeKey(change));
      expect(kindLabel(again[0]!)).toBe(kindLabel(change));
    }
  });

  it('labels changes by kind and the detail that matters', () => {
    const labels = bodies.flatMap(([, body]) => parseWebhook(body).changes.map(kindLabel));
    expect(labels).toEqual(
      expect.arrayContaining([
        'status.delivered', 'status.failed', 'inbound.text', 'inbound.button', 'inbound.ephemeral', 'template_status.APPROVED',
        'account.ACCOUNT_RESTRICTION', 'phone_quality.DOWNGRADE', 'user_preference.stop', 'system_error.131000', 'capability', 'unknown',
        'template_category.completed', 'template_quality.RED',
      ]),
    );
  });

  it('keeps the issues of an invalid change', () => {
    const [change] = parseWebhook(envelope(FIXTURE_WABA, [messagesValue(FIXTURE_PHONE, { statuses: [{ status: 'read' }] })])).changes;
    expect(storedPayload(change!)).toMatchObject({ field: 'messages', issues: [expect.stringMatching(/^id: /), expect.stringMatching(/^timestamp: /)] });
  });

  it('narrows a batch to one status per stored change', () => {
    const body = envelope(FIXTURE_WABA, [messagesValue(FIXTURE_PHONE, { statuses: [status('w1', 'sent', 1), status('w2', 'read', 2)] })]);
    const [first] = parseWebhook(body).changes;
    expect(storedPayload(first!).value).toEqual({
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550101234', phone_number_id: FIXTURE_PHONE },
      statuses: [status('w1', 'sent', 1)],
    });
  });
});
