/** Builders for webhook bodies in Meta's documented shapes (invented ids, 555 numbers). */
export const WABA_ID = '213900000000101';
export const PHONE_ID = '301500000000111';
export const metadata = { display_phone_number: '15550101234', phone_number_id: PHONE_ID };

export function envelope(changes: Array<{ field: string; value: unknown }>, time?: number, wabaId = WABA_ID): string {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: wabaId, ...(time === undefined ? {} : { time }), changes }] });
}

export function messagesValue(extra: Record<string, unknown>) {
  return { field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...extra } };
}

export function status(id: string, state: string, extra: Record<string, unknown> = {}) {
  return { id, status: state, timestamp: '1767264305', recipient_id: '15550198762', ...extra };
}

export function inbound(type: string, body: unknown, extra: Record<string, unknown> = {}) {
  return { from: '15550198762', id: `wamid.in.${type}`, timestamp: '1767265012', type, ...(body === undefined ? {} : { [type]: body }), ...extra };
}
