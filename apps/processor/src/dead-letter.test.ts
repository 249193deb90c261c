import { DlqRecord, type DecodedRecord, type WebhookRecord } from '@dbulk/kafka';
import { describe, expect, it } from 'vitest';
import { changeFailureDlqRecord } from './dead-letter';

const record: DecodedRecord<WebhookRecord> = {
  topic: 'dbulk.webhooks',
  partition: 3,
  offset: '1207',
  key: '301500000000111',
  value: { receivedAt: '2026-01-01T00:00:00.000Z', body: '{"object":"whatsapp_business_account","entry":[]}', headers: { 'content-type': 'application/json' } },
  headers: { 'event-id': 'e-1', 'schema-version': '1' },
  eventId: 'e-1',
  schemaVersion: 1,
  timestamp: '0',
};

describe('changeFailureDlqRecord', () => {
  it('keeps the whole original record and says which changes failed and why', () => {
    const value = changeFailureDlqRecord(
      {
        input: { ref: record, source: 'x', receivedAt: new Date(), body: record.value.body, changes: [{}, {}, {}] as never[] },
        failed: [{ dedupeKey: 'invalid:messages:abc:0@301500000000111', kind: 'invalid', label: 'invalid', outcome: 'failed', note: 'invalid messages change: id: Required' }],
      },
      'processor.webhooks',
      new Date('2026-01-02T00:00:00Z'),
    );
    expect(DlqRecord.parse(value)).toEqual(value);
    expect(value).toMatchObject({ topic: 'dbulk.webhooks', partition: 3, offset: '1207', key: '301500000000111', headers: record.headers, groupId: 'processor.webhooks', attempts: 1 });
    expect(JSON.parse(value.value!)).toEqual(record.value);
    expect(value.error).toEqual({
      code: 'WEBHOOK_CHANGES_FAILED',
      name: 'AppError',
      message: '1 of 3 change(s) of webhook record dbulk.webhooks[3]@1207 could not be applied: invalid:messages:abc:0@301500000000111 (invalid): invalid messages change: id: Required',
    });
  });
});
