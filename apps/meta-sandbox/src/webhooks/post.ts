/**
 * The HTTP POST of one webhook through undici, with the headers Meta sends. Injected into the
 * emitter so unit tests need no network.
 * @see https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherrequestoptions-callback
 */
import { request } from 'undici';

/** Resolves with the receiver's status code; rejects when it cannot be reached in time. */
export type PostWebhook = (url: string, body: string, signature: string, timeoutMs: number) => Promise<number>;

export const postWebhook: PostWebhook = async (url, body, signature, timeoutMs) => {
  const response = await request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signature,
      'user-agent': 'facebookexternalua',
    },
    body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  await response.body.dump();
  return response.statusCode;
};
