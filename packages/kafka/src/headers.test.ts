import { describe, expect, it } from 'vitest';
import { buildHeaders, readHeaders, schemaVersionOf } from './headers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('buildHeaders', () => {
  it('adds a fresh uuid v4 event id and the schema version', () => {
    const headers = buildHeaders(3);
    expect(headers['event-id']).toMatch(UUID_V4);
    expect(headers['schema-version']).toBe('3');
    expect(buildHeaders(3)['event-id']).not.toBe(headers['event-id']);
  });

  it('keeps an event id the caller chose and the caller headers', () => {
    expect(buildHeaders(1, { 'event-id': 'wh-abc', 'trace-id': 't' })).toEqual({
      'event-id': 'wh-abc',
      'trace-id': 't',
      'schema-version': '1',
    });
  });

  it('does not let a caller forge the schema version of the topic', () => {
    expect(buildHeaders(2, { 'schema-version': '9' })['schema-version']).toBe('2');
  });
});

describe('readHeaders', () => {
  it('turns buffers into text and keeps the last of repeated headers', () => {
    expect(readHeaders({ a: Buffer.from('x'), b: [Buffer.from('1'), Buffer.from('2')], c: 'plain', d: undefined })).toEqual({
      a: 'x',
      b: '2',
      c: 'plain',
    });
    expect(readHeaders(undefined)).toEqual({});
  });

  it('reads the schema version only when it is a positive integer', () => {
    expect(schemaVersionOf({ 'schema-version': '2' })).toBe(2);
    expect(schemaVersionOf({ 'schema-version': 'two' })).toBeUndefined();
    expect(schemaVersionOf({})).toBeUndefined();
  });
});
