import { describe, expect, it } from 'vitest';
import { ControlRecord, controlScope, DlqRecord, EventRecord, SendRecord, WebhookRecord } from './records.schema';
import { TOPIC_NAMES, TOPICS } from './topics';

const now = new Date().toISOString();

describe('record schemas', () => {
  it('accepts a send batch and rejects an empty one', () => {
    expect(SendRecord.parse({ tenantId: 't1', campaignId: 'c1', messageIds: ['m1', 'm2'] }).messageIds).toHaveLength(2);
    expect(SendRecord.safeParse({ tenantId: 't1', campaignId: 'c1', messageIds: [] }).success).toBe(false);
  });

  it('keeps a webhook body as the raw string it was received as', () => {
    const body = '{"object":"whatsapp_business_account", "entry":[]}';
    const record = WebhookRecord.parse({ receivedAt: now, body, headers: { 'x-hub-signature-256': 'sha256=ab' } });
    expect(record.body).toBe(body);
    expect(record.phoneNumberId).toBeUndefined();
    expect(WebhookRecord.safeParse({ receivedAt: 'yesterday', body, headers: {} }).success).toBe(false);
  });

  it('requires the error and a decimal offset on a DLQ record', () => {
    const base = { topic: 'dbulk.webhooks', partition: 3, offset: '42', key: 'pn1', value: '{}', failedAt: now, attempts: 1 };
    expect(DlqRecord.safeParse({ ...base, error: { message: 'bad', code: 'RECORD_INVALID' } }).success).toBe(true);
    expect(DlqRecord.safeParse(base).success).toBe(false);
    expect(DlqRecord.safeParse({ ...base, offset: '-1', error: { message: 'bad' } }).success).toBe(false);
  });

  it('tells control records apart by type and rejects unknown ones', () => {
    expect(ControlRecord.parse({ type: 'kill_switch', engaged: true })).toEqual({ type: 'kill_switch', engaged: true });
    expect(ControlRecord.safeParse({ type: 'campaign', campaignId: 'c1', action: 'pause' }).success).toBe(true);
    expect(ControlRecord.safeParse({ type: 'campaign', campaignId: 'c1', action: 'explode' }).success).toBe(false);
    expect(ControlRecord.safeParse({ type: 'rate', phoneNumberId: 'p1', rate: 0 }).success).toBe(false);
    expect(ControlRecord.safeParse({ type: 'reboot' }).success).toBe(false);
  });

  it('keys control records by scope', () => {
    expect(controlScope({ type: 'kill_switch', engaged: false })).toBe('global');
    expect(controlScope({ type: 'tenant_sending', tenantId: 't1', enabled: false })).toBe('tenant:t1');
    expect(controlScope({ type: 'campaign', campaignId: 'c9', action: 'resume' })).toBe('campaign:c9');
    expect(controlScope({ type: 'rate', phoneNumberId: 'p2', rate: 40 })).toBe('phone:p2');
  });

  it('accepts an event with arbitrary data', () => {
    expect(EventRecord.parse({ tenantId: 't1', type: 'campaign.progress', at: now, data: { sent: 3 } }).data).toEqual({ sent: 3 });
  });

  it('strips unknown fields so a newer producer does not break an older consumer', () => {
    expect(SendRecord.parse({ tenantId: 't', campaignId: 'c', messageIds: ['m'], priority: 1 })).not.toHaveProperty('priority');
  });
});

describe('topic declarations', () => {
  it('declares the five topics with their partitions', () => {
    expect(Object.fromEntries(TOPIC_NAMES.map((name) => [name, TOPICS[name].partitions]))).toEqual({
      'dbulk.send': 12,
      'dbulk.webhooks': 12,
      'dbulk.webhooks.dlq': 6,
      'dbulk.control': 1,
      'dbulk.events': 6,
    });
  });

  it('keeps dead letters for 30 days and names each topic by its key', () => {
    expect(TOPICS['dbulk.webhooks.dlq'].configs['retention.ms']).toBe(String(30 * 24 * 3600 * 1000));
    for (const name of TOPIC_NAMES) {
      expect(TOPICS[name].name).toBe(name);
      expect(TOPICS[name].configs['cleanup.policy']).toBe('delete');
      expect(TOPICS[name].schemaVersion).toBeGreaterThanOrEqual(1);
    }
  });
});
