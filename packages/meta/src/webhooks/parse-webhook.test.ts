import { describe, expect, it } from 'vitest';
import { envelope, inbound, messagesValue, metadata, PHONE_ID, status, WABA_ID } from '../test/payloads';
import { fixtureNames, readFixture } from '../test/shared-meta';
import { canonicalJson } from './envelope.schema';
import { parseWebhook, WebhookParseError } from './parse-webhook';
import type { WebhookChange } from './webhook-change';

const one = (body: string): WebhookChange => {
  const { changes } = parseWebhook(body);
  expect(changes).toHaveLength(1);
  return changes[0]!;
};

const FIXTURES: Record<string, Partial<WebhookChange> & Record<string, unknown>> = {
  'account-update.json': { kind: 'account', entryTime: 1767300000, value: expect.objectContaining({ event: 'ACCOUNT_RESTRICTION' }) },
  'inbound-button-reply.json': {
    kind: 'inbound', phoneNumberId: PHONE_ID, dedupeKey: 'inbound:wamid.HBgLMTU1NTAxOTg3NjIVAgASGBQzQUQ1NTY2Nzc4ODk5MDBBQUJCQ0MA',
    message: expect.objectContaining({ kind: 'button', context: expect.objectContaining({ id: 'wamid.HBgLMTU1NTAxOTg3NjIVAgARGBJEOUM0QjVBNjE3RjI4RTkxQUMA' }) }),
    contact: expect.objectContaining({ wa_id: '15550198762', profile: { name: 'Lena Fischer' } }),
  },
  'inbound-stop.json': { kind: 'inbound', dedupeKey: 'inbound:wamid.HBgLMTU1NTAxOTg3NjMVAgASGBQzQUM5ODc2NTQzMjEwRkVEQ0JBOTgA', message: expect.objectContaining({ kind: 'text', text: { body: 'STOP' } }) },
  'inbound-text.json': { kind: 'inbound', dedupeKey: 'inbound:wamid.HBgLMTU1NTAxOTg3NjEVAgASGBQzQUIxMjM0NTY3ODkwQUJDREVGMDEA', message: expect.objectContaining({ kind: 'text' }) },
  'phone-quality-downgrade.json': { kind: 'phone_quality', entryTime: 1751000000, displayPhoneNumber: '15550101234', value: expect.objectContaining({ event: 'DOWNGRADE', current_limit: 'TIER_1K' }) },
  'status-delivered-pmp.json': {
    kind: 'status', dedupeKey: 'status:wamid.HBgLMTU1NTAxOTg3NjIVAgARGBJEOUM0QjVBNjE3RjI4RTkxQUMA:delivered',
    status: expect.objectContaining({ pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }, biz_opaque_callback_data: 'tenant_42:campaign_1007:contact_88121' }),
  },
  'status-failed-131049.json': { kind: 'status', dedupeKey: 'status:wamid.HBgLMTU1NTAxOTg3NjMVAgARGBI1QTcyRkQ5OTEzQzBBOEI2RTEA:failed:131049', status: expect.objectContaining({ errors: [expect.objectContaining({ code: 131049 })] }) },
  'status-read.json': { kind: 'status', dedupeKey: 'status:wamid.HBgLMTU1NTAxOTg3NjIVAgARGBJEOUM0QjVBNjE3RjI4RTkxQUMA:read' },
  'status-sent-cbp.json': {
    kind: 'status', dedupeKey: 'status:wamid.HBgLMTU1NTAxOTg3NjEVAgARGBI3QjFBMDBGMDk4QkU2MDg4QTIA:sent',
    status: expect.objectContaining({ conversation: { id: '6f1c2a9e0b7d4c3a8e5f1b2c3d4e5f60', expiration_timestamp: '1748599260', origin: { type: 'marketing' } }, pricing: expect.objectContaining({ pricing_model: 'CBP' }) }),
  },
  'template-status-approved.json': { kind: 'template_status', templateId: '1729300000000101', dedupeKey: 'template:1729300000000101:APPROVED:1767180000' },
  'template-status-rejected.json': {
    kind: 'template_status', dedupeKey: 'template:1729300000000102:REJECTED:1767180600',
    value: expect.objectContaining({ reason: 'INVALID_FORMAT', rejection_info: expect.objectContaining({ recommendation: expect.any(String) }) }),
  },
};

describe('parseWebhook on the shared fixtures', () => {
  it.each(fixtureNames())('parses %s without invalid or unknown changes', (name) => {
    const { object, changes } = parseWebhook(readFixture(name));
    expect(object).toBe('whatsapp_business_account');
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.kind).not.toMatch(/^(invalid|unknown)$/);
      expect(change.wabaId).toBe(WABA_ID);
      expect(change.dedupeKey.length).toBeGreaterThan(10);
    }
    if (FIXTURES[name]) expect(changes).toEqual([expect.objectContaining(FIXTURES[name])]);
  });

  it('covers every fixture the test knows about', () => {
    expect(fixtureNames()).toEqual(expect.arrayContaining(Object.keys(FIXTURES)));
  });

  it('gives other fields a field:sha256:time key', () => {
    expect(parseWebhook(readFixture('account-update.json')).changes[0]!.dedupeKey).toMatch(/^account_update:[0-9a-f]{64}:1767300000$/);
  });
});

describe('parseWebhook statuses and identities', () => {
  it('parses a status that has a business-scoped user id but no phone number', () => {
    const { recipient_id: _r, ...s } = status('wamid.B', 'delivered', { recipient_user_id: 'US.13491208655302741918' });
    const change = one(envelope([messagesValue({ statuses: [s] })]));
    expect(change).toMatchObject({ kind: 'status', status: { recipient_user_id: 'US.13491208655302741918' } });
    expect(change.kind === 'status' && change.status).not.toHaveProperty('recipient_id');
  });

  it('matches an inbound message to its contact by user id when the phone is absent', () => {
    const { from: _f, ...msg } = inbound('text', { body: 'hi' }, { from_user_id: 'US.1' });
    const contacts = [{ user_id: 'US.2', profile: { name: 'B' } }, { user_id: 'US.1', username: '@ana', profile: { name: 'A' } }];
    expect(one(envelope([messagesValue({ contacts, messages: [msg] })]))).toMatchObject({ kind: 'inbound', contact: { user_id: 'US.1', username: '@ana' } });
  });

  it('keeps free-entry-point pricing, new pricing values and unknown status fields', () => {
    const s = status('wamid.F', 'sent', { pricing: { pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' }, conversation: { id: 'c', origin: { type: 'referral_conversion' } }, quantum: { a: 1 } });
    const charged = status('wamid.G', 'delivered', { pricing: { pricing_model: 'PMP', type: 'billable_service', category: 'service' } });
    const [a, b] = parseWebhook(envelope([messagesValue({ statuses: [s, charged] })])).changes;
    expect(a).toMatchObject({ status: { quantum: { a: 1 }, pricing: { type: 'free_entry_point' } } });
    expect(b).toMatchObject({ status: { pricing: { type: 'billable_service' } } });
  });

  it('keys a failed status by its error code and other statuses by state', () => {
    const keys = parseWebhook(envelope([messagesValue({ statuses: [status('w1', 'sent'), status('w1', 'failed', { errors: [{ code: 131026, title: 'x' }] }), status('w1', 'failed')] })])).changes.map((c) => c.dedupeKey);
    expect(keys).toEqual(['status:w1:sent', 'status:w1:failed:131026', 'status:w1:failed']);
  });

  it('turns a broken status into an invalid change and still applies its neighbours', () => {
    const changes = parseWebhook(envelope([messagesValue({ statuses: [status('w1', 'sent'), { status: 'read' }, status('w2', 'read')] })])).changes;
    expect(changes.map((c) => c.kind)).toEqual(['status', 'invalid', 'status']);
    expect(changes[1]).toMatchObject({ kind: 'invalid', issues: [expect.stringMatching(/^id: /), expect.stringMatching(/^timestamp: /)] });
  });

  it('parses system-level errors under value.errors[]', () => {
    const change = one(envelope([messagesValue({ errors: [{ code: 131000, title: 'Something went wrong', error_data: { details: 'x' } }] })]));
    expect(change).toMatchObject({ kind: 'system_error', phoneNumberId: PHONE_ID, error: { code: 131000 } });
    expect(change.dedupeKey).toMatch(/^messages:[0-9a-f]{64}:0$/);
  });

  it('parses a batch of 1,000 statuses in a 3 MB body across several entries', () => {
    const pad = 'x'.repeat(2_900);
    const entries = Array.from({ length: 10 }, (_, e) => ({
      id: WABA_ID,
      changes: [messagesValue({ statuses: Array.from({ length: 100 }, (_, i) => status(`wamid.${e}.${i}`, 'delivered', { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' }, biz_opaque_callback_data: pad })) })],
    }));
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: entries });
    expect(body.length).toBeGreaterThan(3_000_000);
    const started = performance.now();
    const { changes } = parseWebhook(Buffer.from(body));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(changes).toHaveLength(1_000);
    expect(new Set(changes.map((c) => c.dedupeKey)).size).toBe(1_000);
  });
});

describe('parseWebhook other fields', () => {
  it('parses template category updates, impending and completed', () => {
    const base = { message_template_id: 1729300000000101, message_template_name: 'order_update', message_template_language: 'en_US' };
    const impending = one(envelope([{ field: 'template_category_update', value: { ...base, new_category: 'UTILITY', correct_category: 'MARKETING', category_update_timestamp: 1767300000 } }], 1767213600));
    const done = one(envelope([{ field: 'template_category_update', value: { ...base, previous_category: 'UTILITY', new_category: 'MARKETING' } }], 1767300000));
    expect(impending).toMatchObject({ kind: 'template_category', phase: 'impending', templateId: '1729300000000101', dedupeKey: 'template:1729300000000101:category_impending:1767213600' });
    expect(done).toMatchObject({ kind: 'template_category', phase: 'completed', dedupeKey: 'template:1729300000000101:category_completed:1767300000' });
  });

  it('parses template quality and paused template events', () => {
    const quality = one(envelope([{ field: 'message_template_quality_update', value: { previous_quality_score: 'GREEN', new_quality_score: 'RED', message_template_id: 42, message_template_name: 'x', message_template_language: 'en_US' } }], 1767000000));
    expect(quality).toMatchObject({ kind: 'template_quality', dedupeKey: 'template:42:quality_RED:1767000000' });
    const paused = one(envelope([{ field: 'message_template_status_update', value: { event: 'PAUSED', message_template_id: 42, reason: null, other_info: { title: 'FIRST_PAUSE', description: '3 h' } } }], 1767000100));
    expect(paused).toMatchObject({ kind: 'template_status', value: { other_info: { title: 'FIRST_PAUSE' } }, dedupeKey: 'template:42:PAUSED:1767000100' });
  });

  it('keeps every digit of a template id above 2^53', () => {
    const change = one(`{"object":"whatsapp_business_account","entry":[{"id":"1","time":1,"changes":[{"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":98765432109876543210}}]}]}`);
    expect(change).toMatchObject({ templateId: '98765432109876543210' });
  });

  it('parses capability and account events (restriction, ban, violation, uninstall)', () => {
    expect(one(envelope([{ field: 'business_capability_update', value: { max_daily_conversations_per_business: 'TIER_10K', max_phone_numbers_per_business: 20 } }], 1))).toMatchObject({ kind: 'capability' });
    const events = [
      { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: ['SCHEDULE_FOR_DISABLE'], waba_ban_date: '2026-11-01' } },
      { event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SCAM' } },
      { event: 'PARTNER_APP_UNINSTALLED', waba_info: { waba_id: WABA_ID, owner_business_id: '77' } },
      { event: 'VOLUME_BASED_PRICING_TIER_UPDATE', volume_tier_info: { tier_update_time: 1767300000 } },
    ];
    const changes = parseWebhook(envelope(events.map((value) => ({ field: 'account_update', value })), 2)).changes;
    expect(changes.map((c) => c.kind === 'account' && c.value.event)).toEqual(events.map((e) => e.event));
  });

  it('parses user_preferences stop and resume, keyed by wa_id or user id', () => {
    const prefs = [
      { wa_id: '15550198763', detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: 1767265120 },
      { user_id: 'US.9', category: 'marketing_messages', value: 'resume', timestamp: '1767265200' },
    ];
    const changes = parseWebhook(envelope([{ field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata, contacts: [{ wa_id: '15550198763', profile: { name: 'R' } }], user_preferences: prefs } }])).changes;
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'user_preference', phoneNumberId: PHONE_ID, dedupeKey: 'pref:15550198763:marketing_messages:stop:1767265120', contact: expect.objectContaining({ wa_id: '15550198763' }) }),
      expect.objectContaining({ kind: 'user_preference', dedupeKey: 'pref:US.9:marketing_messages:resume:1767265200' }),
    ]);
  });

  it('keeps unknown fields as unknown changes with the raw value', () => {
    const value = { type: 'INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED', entity_id: '1' };
    expect(one(envelope([{ field: 'account_alerts', value }], 5))).toMatchObject({ kind: 'unknown', field: 'account_alerts', value });
    expect(one(envelope([{ field: 'constructor', value: 1 }]))).toMatchObject({ kind: 'unknown' });
  });

  it('keeps unknown data beside known items in a messages value, and empty values too', () => {
    const changes = parseWebhook(envelope([messagesValue({ statuses: [status('w', 'sent')], message_echoes: [{ id: 'e1' }] })])).changes;
    expect(changes.map((c) => c.kind)).toEqual(['status', 'unknown']);
    expect(changes[1]).toMatchObject({ value: { message_echoes: [{ id: 'e1' }] } });
    expect(one(envelope([messagesValue({})]))).toMatchObject({ kind: 'unknown' });
  });

  it('gives equal hashed keys to equal values whatever the key order, and different keys otherwise', () => {
    const a = one(envelope([{ field: 'account_update', value: { event: 'X', a: 1, b: { c: 2, d: 3 } } }], 9));
    const b = one(envelope([{ field: 'account_update', value: { b: { d: 3, c: 2 }, a: 1, event: 'X' } }], 9));
    const c = one(envelope([{ field: 'account_update', value: { event: 'X', a: 2, b: { c: 2, d: 3 } } }], 9));
    expect(a.dedupeKey).toBe(b.dedupeKey);
    expect(a.dedupeKey).not.toBe(c.dedupeKey);
    expect(canonicalJson({ b: [1, { z: 1, y: undefined }], a: null })).toBe('{"a":null,"b":[1,{"z":1}]}');
  });

  it('rejects a body that is not JSON or not an envelope', () => {
    expect(() => parseWebhook('{nope')).toThrow(WebhookParseError);
    expect(() => parseWebhook('{"entry":"x"}')).toThrow(/not an envelope/);
  });
});
