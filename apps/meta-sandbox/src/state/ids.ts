/**
 * Ids in Meta's formats from a seedable generator. Tests pass a seed for stable ids; a
 * running sandbox picks a random one, because dbulk stores wamids under a unique index and a
 * restarted sandbox must not hand out the wamids of the previous run again.
 */
import { createHash, randomBytes } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class IdGenerator {
  private counter = 0;

  constructor(readonly seed: string = randomBytes(8).toString('hex')) {}

  /** Deterministic bytes: sha256(seed, counter). */
  private next(): Buffer {
    this.counter += 1;
    return createHash('sha256').update(`${this.seed}:${this.counter}`).digest();
  }

  /**
   * A Graph node id: 15–16 digits, like WABA, phone number and template ids. Template ids go
   * out as JSON numbers in webhooks, so they take a leading `1` to stay below 2^53.
   */
  numeric(digits = 16, lead?: string): string {
    const bytes = this.next();
    let out = lead ?? String((bytes[0]! % 9) + 1);
    for (let i = out.length; i < digits; i += 1) out += String(bytes[i]! % 10);
    return out;
  }

  /** `wamid.` + base64 of a protobuf-looking blob that embeds the user's number, like Meta's. */
  wamid(waId: string): string {
    const blob = Buffer.concat([Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]), Buffer.from(waId), this.next().subarray(0, 18)]);
    return `wamid.HBgL${blob.toString('base64')}`;
  }

  /** Graph's fbtrace_id: 11 characters of base62. */
  fbtrace(): string {
    return [...this.next().subarray(0, 11)].map((byte) => BASE62[byte % BASE62.length]).join('');
  }

  /** A conversation id (32 hex characters) for the conversation object of status webhooks. */
  hex32(): string {
    return this.next().subarray(0, 16).toString('hex');
  }

  /** A number in [0, 1) for scenario rates (duplicates, out-of-order) that stays reproducible. */
  random(): number {
    return this.next().readUInt32BE(0) / 2 ** 32;
  }
}
