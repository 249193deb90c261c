import { describe, expect, it } from 'vitest';
import { envelope, messagesValue, PHONE_ID, status, WABA_ID } from '../test/payloads';
import { readFixture } from '../test/shared-meta';
import { envelopeRouting } from './routing';

describe('envelopeRouting', () => {
  it('finds the phone number id of a messages webhook and the WABA of every entry', () => {
    expect(envelopeRouting(readFixture('status-read.json'))).toEqual({ phoneNumberIds: [PHONE_ID], wabaIds: [WABA_ID] });
    expect(envelopeRouting(readFixture('template-status-approved.json'))).toEqual({ phoneNumberIds: [], wabaIds: [WABA_ID] });
  });

  it('lists distinct ids across entries in order of appearance', () => {
    const other = { ...messagesValue({ statuses: [status('w', 'sent')] }) };
    (other.value as { metadata: unknown }).metadata = { phone_number_id: '999' };
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [JSON.parse(envelope([messagesValue({}), other])).entry[0], { id: 'waba2', changes: [messagesValue({})] }],
    });
    expect(envelopeRouting(body)).toEqual({ phoneNumberIds: [PHONE_ID, '999'], wabaIds: [WABA_ID, 'waba2'] });
  });

  it('never throws: scans invalid JSON and ignores odd shapes', () => {
    expect(envelopeRouting(Buffer.from('{"metadata":{"phone_number_id":"123"}, broken'))).toEqual({ phoneNumberIds: ['123'], wabaIds: [] });
    expect(envelopeRouting('null')).toEqual({ phoneNumberIds: [], wabaIds: [] });
    expect(envelopeRouting('{"entry":[1,{"id":5,"changes":[null,{"value":"x"}]}]}')).toEqual({ phoneNumberIds: [], wabaIds: ['5'] });
    expect(envelopeRouting(new Uint8Array())).toEqual({ phoneNumberIds: [], wabaIds: [] });
  });
});
