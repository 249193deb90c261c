/**
 * `biz_opaque_callback_data` the sender puts on every send, echoed by Meta in status webhooks:
 * `dbulk:m:<campaign message id>`. It lets a status whose wamid dbulk never stored (the send's
 * answer was lost) find its message.
 */
const PREFIX = 'dbulk:m:';

export function callbackDataFor(messageId: string | number | bigint): string {
  return `${PREFIX}${String(messageId)}`;
}

/** The campaign message id named by callback data, or null when it is not ours. */
export function messageIdOfCallback(data: string | null | undefined): string | null {
  if (!data || !data.startsWith(PREFIX)) return null;
  const id = data.slice(PREFIX.length);
  // bigserial: positive, at most 19 digits.
  return /^[1-9]\d{0,18}$/.test(id) && BigInt(id) <= 9223372036854775807n ? id : null;
}
