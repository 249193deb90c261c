import { describe, expect, it } from 'vitest';
import { inbound } from '../test/payloads';
import { parseInboundMessage } from './inbound.schema';

const media = { id: 'media-1', mime_type: 'image/jpeg', sha256: 'abc' };

const KNOWN: Array<[type: string, body: unknown, check: Record<string, unknown>]> = [
  ['text', { body: 'Hi' }, { text: { body: 'Hi' } }],
  ['button', { payload: 'Stop promotions', text: 'Stop promotions' }, { button: { text: 'Stop promotions' } }],
  ['interactive', { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } }, { interactive: { button_reply: { id: 'yes' } } }],
  ['interactive', { type: 'list_reply', list_reply: { id: 'r1', title: 'Row', description: 'd' } }, { interactive: { list_reply: { description: 'd' } } }],
  ['image', { ...media, caption: 'look' }, { image: { caption: 'look' } }],
  ['video', { ...media, mime_type: 'video/mp4' }, { video: { id: 'media-1' } }],
  ['audio', { ...media, mime_type: 'audio/ogg', voice: true }, { audio: { voice: true } }],
  ['document', { ...media, filename: 'a.pdf' }, { document: { filename: 'a.pdf' } }],
  ['sticker', { ...media, animated: false }, { sticker: { animated: false } }],
  ['location', { latitude: 52.5, longitude: 13.4, name: 'Berlin' }, { location: { latitude: 52.5 } }],
  ['contacts', [{ name: { formatted_name: 'Ana' }, phones: [{ phone: '+1555', wa_id: '1555', type: 'CELL' }] }], { contacts: [{ name: { formatted_name: 'Ana' } }] }],
  ['reaction', { message_id: 'wamid.X', emoji: '👍' }, { reaction: { emoji: '👍' } }],
  ['reaction', { message_id: 'wamid.X' }, { reaction: { message_id: 'wamid.X' } }],
  ['order', { catalog_id: 'c1', text: 'pls', product_items: [{ product_retailer_id: 'sku', quantity: 2, item_price: 9.5, currency: 'USD' }] }, { order: { catalog_id: 'c1' } }],
  ['system', { body: 'User changed number', type: 'user_changed_number', new_wa_id: '1555000' }, { system: { new_wa_id: '1555000' } }],
];

describe('parseInboundMessage', () => {
  it.each(KNOWN)('parses a %s message', (type, body, check) => {
    const r = parseInboundMessage(inbound(type, body));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.message).toMatchObject({ kind: type, type, timestamp: '1767265012', ...check });
  });

  it('parses Meta\'s `unsupported` type with its errors', () => {
    const r = parseInboundMessage(inbound('unsupported', undefined, { errors: [{ code: 131051, title: 'Message type unknown' }] }));
    expect(r.ok && r.message).toMatchObject({ kind: 'unsupported', errors: [{ code: 131051 }] });
  });

  it('keeps an unknown type and its raw object', () => {
    const r = parseInboundMessage(inbound('hologram', { depth: 3 }));
    expect(r.ok && r.message).toMatchObject({ kind: 'unknown', type: 'hologram', hologram: { depth: 3 } });
  });

  it('keeps context (quick-reply tap on a template) and referral (click-to-WhatsApp ad)', () => {
    const r = parseInboundMessage(
      inbound('text', { body: 'hi' }, {
        context: { from: '15550101234', id: 'wamid.T', forwarded: true },
        referral: { source_url: 'https://fb.me/x', source_id: 'ad1', source_type: 'ad', headline: 'Sale', ctwa_clid: 'clid', new_thing: 1 },
      }),
    );
    expect(r.ok && r.message).toMatchObject({ context: { id: 'wamid.T', forwarded: true }, referral: { ctwa_clid: 'clid', new_thing: 1 } });
  });

  it('accepts a sender known only by business-scoped user id', () => {
    const { from: _from, ...raw } = inbound('text', { body: 'hi' }, { from_user_id: 'US.13491208655302741918' });
    const r = parseInboundMessage(raw);
    expect(r.ok && r.message).toMatchObject({ kind: 'text', from_user_id: 'US.13491208655302741918' });
    expect(r.ok && r.message).not.toHaveProperty('from');
  });

  it('keeps unknown fields on the message and inside the type object', () => {
    const r = parseInboundMessage(inbound('text', { body: 'hi', markup: 'bold' }, { group_id: 'g1' }));
    expect(r.ok && r.message).toMatchObject({ group_id: 'g1', text: { markup: 'bold' } });
  });

  it('rejects a known type whose object is malformed, naming the path', () => {
    const r = parseInboundMessage(inbound('text', { text: 'no body' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues[0]?.path).toEqual(['text', 'body']);
    expect(parseInboundMessage({ type: 'text' }).ok).toBe(false);
  });
});
