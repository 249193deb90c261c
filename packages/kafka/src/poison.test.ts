import { AppError } from '@dbulk/errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { classifyError, decodeRecord, errorInfo, PermanentError, toDlqRecord, type RawMessage } from './poison';
import { SendRecord } from './records.schema';

function message(value: string | null, extra: Partial<RawMessage> = {}): RawMessage {
  return {
    key: Buffer.from('t1'),
    value: value === null ? null : Buffer.from(value),
    offset: '7',
    timestamp: '1700000000000',
    headers: { 'event-id': Buffer.from('e1'), 'schema-version': Buffer.from('1') },
    ...extra,
  };
}

describe('decodeRecord', () => {
  it('decodes a valid record with its key, headers and ids', () => {
    const result = decodeRecord(SendRecord, 'dbulk.send', 2, message('{"tenantId":"t1","campaignId":"c1","messageIds":["m1"]}'));
    expect(result).toEqual({
      ok: true,
      record: expect.objectContaining({
        topic: 'dbulk.send',
        partition: 2,
        offset: '7',
        key: 't1',
        value: { tenantId: 't1', campaignId: 'c1', messageIds: ['m1'] },
        eventId: 'e1',
        schemaVersion: 1,
      }),
    });
  });

  it('calls a non-JSON value poison', () => {
    const result = decodeRecord(SendRecord, 'dbulk.send', 0, message('not json'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('RECORD_NOT_JSON');
  });

  it('names the fields that fail the schema and the schema version', () => {
    const result = decodeRecord(SendRecord, 'dbulk.send', 0, message('{"tenantId":"t1","messageIds":[]}'));
    expect(!result.ok && result.error.code).toBe('RECORD_INVALID');
    expect(!result.ok && result.error.message).toMatch(/dbulk.send\[0\]@7 .*schema-version 1.*campaignId/);
  });

  it('calls a tombstone poison', () => {
    expect(decodeRecord(SendRecord, 'dbulk.send', 0, message(null)).ok).toBe(false);
  });
});

describe('classifyError', () => {
  it('dead-letters bad input and retries everything else', () => {
    expect(classifyError(new PermanentError('X', 'no'))).toBe('permanent');
    expect(classifyError(z.string().safeParse(1).error)).toBe('permanent');
    expect(classifyError(new AppError('TEMPLATE_MISSING', 'not_found', 'gone'))).toBe('permanent');
    expect(classifyError(new AppError('DB_DOWN', 'unavailable', 'db'))).toBe('transient');
    expect(classifyError(new AppError('RACE', 'conflict', 'later'))).toBe('transient');
    expect(classifyError(new Error('ECONNRESET'))).toBe('transient');
    expect(classifyError('a string')).toBe('transient');
  });
});

describe('DLQ records', () => {
  it('keep the original bytes as text, the error and the attempts', () => {
    const failedAt = new Date('2026-01-02T03:04:05.000Z');
    const dlq = toDlqRecord(
      { topic: 'dbulk.webhooks', partition: 1, groupId: 'processor.webhooks', message: message('{"x":1}') },
      new PermanentError('UNKNOWN_NUMBER', 'phone number p1 is not connected'),
      3,
      failedAt,
    );
    expect(dlq).toEqual({
      topic: 'dbulk.webhooks',
      partition: 1,
      offset: '7',
      key: 't1',
      value: '{"x":1}',
      headers: { 'event-id': 'e1', 'schema-version': '1' },
      error: { message: 'phone number p1 is not connected', name: 'PermanentError', code: 'UNKNOWN_NUMBER' },
      groupId: 'processor.webhooks',
      failedAt: '2026-01-02T03:04:05.000Z',
      attempts: 3,
    });
  });

  it('describe anything thrown', () => {
    expect(errorInfo('boom')).toEqual({ message: 'boom' });
    expect(errorInfo(new TypeError('bad'))).toEqual({ message: 'bad', name: 'TypeError' });
  });
});
