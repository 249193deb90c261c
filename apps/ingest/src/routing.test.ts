import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEnvelope, routeEnvelope } from './routing';
import { FIXTURES_DIR } from './test/fixtures';

const change = (value: unknown, field = 'messages') => ({ field, value });

describe('routeEnvelope', () => {
  it('keys by the first phone_number_id, across entries and changes', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        { id: 'waba-1', changes: [change({ event: 'APPROVED' }, 'message_template_status_update')] },
        { id: 'waba-2', changes: [change({ metadata: { phone_number_id: 'pn-2' } }), change({ metadata: { phone_number_id: 'pn-3' } })] },
      ],
    };
    expect(routeEnvelope(body)).toEqual({ key: 'pn-2', phoneNumberId: 'pn-2', wabaId: 'waba-1' });
  });

  it('falls back to the WABA id when no change names a phone number', () => {
    expect(routeEnvelope({ object: 'x', entry: [{ id: '2139', time: 1, changes: [change({ event: 'X' })] }] })).toEqual({
      key: '2139',
      wabaId: '2139',
    });
  });

  it('accepts numeric ids and ignores ids that are not ids', () => {
    expect(routeEnvelope({ entry: [{ id: 42, changes: [change({ metadata: { phone_number_id: 7 } })] }] })).toMatchObject({ key: '7' });
    expect(routeEnvelope({ entry: [{ id: { no: 1 }, changes: [change({ metadata: { phone_number_id: '' } })] }] })).toEqual({ key: 'unknown' });
  });

  it('never throws, whatever the JSON is', () => {
    for (const body of [null, 1, 'text', [], {}, { entry: 'x' }, { entry: [null, 1, { changes: 'x' }, { changes: [null, { value: 1 }] }] }]) {
      expect(routeEnvelope(body)).toEqual({ key: 'unknown' });
    }
  });

  it('routes every shared fixture by its phone number or WABA', () => {
    for (const file of readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json'))) {
      const body: unknown = JSON.parse(readFileSync(path.join(FIXTURES_DIR, file), 'utf8'));
      const routing = routeEnvelope(body);
      expect(isEnvelope(body), file).toBe(true);
      expect(routing.key, file).toMatch(/^\d+$/);
      expect(routing.key, file).toBe(routing.phoneNumberId ?? routing.wabaId);
    }
  });
});

describe('isEnvelope', () => {
  it('wants object and entry[]', () => {
    expect(isEnvelope({ object: 'whatsapp_business_account', entry: [] })).toBe(true);
    expect(isEnvelope({ entry: [] })).toBe(false);
    expect(isEnvelope({ object: 'x', entry: {} })).toBe(false);
    expect(isEnvelope([])).toBe(false);
  });
});
