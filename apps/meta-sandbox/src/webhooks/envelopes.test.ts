import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvelope, messagesValue, type WebhookChange } from './envelopes';
import { conversationObject, pmpKeepsConversation, pricingObject } from './pricing';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/meta/fixtures', name), 'utf8')) as Record<string, unknown>;

const phone = { id: '301500000000111', displayPhoneNumber: '15550101234' };
const status = (id: string, value: string) => ({ id, status: value, timestamp: '1767264305', recipient_id: '15550198762' });
const change = (statuses: unknown[], wabaId = '213900000000101'): WebhookChange => ({
  wabaId,
  field: 'messages',
  kind: 'messages',
  value: messagesValue(phone, { statuses }),
  time: 1767264305,
});

describe('buildEnvelope', () => {
  it('builds the delivered PMP fixture byte for byte (after key order)', () => {
    const expected = fixture('status-delivered-pmp.json');
    const item = {
      ...status('wamid.HBgLMTU1NTAxOTg3NjIVAgARGBJEOUM0QjVBNjE3RjI4RTkxQUMA', 'delivered'),
      biz_opaque_callback_data: 'tenant_42:campaign_1007:contact_88121',
      pricing: pricingObject({ model: 'PMP', category: 'marketing', inWindow: false }),
    };
    expect(JSON.stringify(buildEnvelope([change([item])]))).toBe(JSON.stringify(expected));
  });

  it('builds the template-approved fixture with entry.time and entry before object', () => {
    const expected = fixture('template-status-approved.json');
    const value = { event: 'APPROVED', message_template_id: 1729300000000101, message_template_name: 'weekend_sale_v2', message_template_language: 'en_US', reason: 'NONE', message_template_category: 'MARKETING' };
    const envelope = buildEnvelope([{ wabaId: '213900000000101', field: 'message_template_status_update', kind: 'business', value, time: 1767180000 }]);
    expect(JSON.stringify(envelope)).toBe(JSON.stringify(expected));
  });

  it('merges a batch: one change per number, entries per WABA', () => {
    const envelope = buildEnvelope([change([status('a', 'sent')]), change([status('a', 'delivered')]), change([status('b', 'sent')], '999')]);
    expect(envelope.entry).toHaveLength(2);
    const first = envelope.entry[0]!.changes;
    expect(first).toHaveLength(1);
    expect((first[0]!.value.statuses as unknown[]).map((item) => (item as { status: string }).status)).toEqual(['sent', 'delivered']);
  });
});

describe('pricing', () => {
  it('makes utility templates inside a customer-service window free under PMP', () => {
    expect(pricingObject({ model: 'PMP', category: 'utility', inWindow: true })).toEqual({
      billable: false,
      pricing_model: 'PMP',
      type: 'free_customer_service',
      category: 'utility',
    });
    expect(pricingObject({ model: 'PMP', category: 'marketing', inWindow: true })).toMatchObject({ billable: true, type: 'regular' });
  });

  it('builds the CBP pricing and conversation of the sent fixture', () => {
    const expected = fixture('status-sent-cbp.json') as { entry: Array<{ changes: Array<{ value: { statuses: Array<Record<string, unknown>> } }> }> };
    const sent = expected.entry[0]!.changes[0]!.value.statuses[0]!;
    expect(pricingObject({ model: 'CBP', category: 'marketing', inWindow: false })).toEqual(sent.pricing);
    expect(conversationObject({ id: '6f1c2a9e0b7d4c3a8e5f1b2c3d4e5f60', category: 'marketing', expiresAt: 1748599260 })).toEqual(sent.conversation);
  });

  it('keeps the PMP conversation object up to v23.0 only', () => {
    expect([pmpKeepsConversation('v23.0'), pmpKeepsConversation('v24.0'), pmpKeepsConversation('v26.0')]).toEqual([true, false, false]);
  });
});
