/**
 * What Meta decides from a recipient number alone: whether it is a valid phone number (131009),
 * the `wa_id` it maps to (which may differ from the input), whether it is a United States
 * number (no marketing templates since 2025-04-01 → 131049) and whether it is on WhatsApp.
 */

export type Recipient = { ok: true; input: string; digits: string; waId: string } | { ok: false; details: string };

/** Formatting Meta tolerates around the digits of `to`. */
const FORMATTING = /[\s\-().]/g;

export function parseRecipient(to: string): Recipient {
  const digits = to.replace(FORMATTING, '').replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return { ok: false, details: `Invalid parameter: "to" (${to}) is not a phone number` };
  if (digits.startsWith('0')) return { ok: false, details: `Invalid parameter: "to" (${to}) lacks a country calling code` };
  if (digits.length < 8 || digits.length > 15) return { ok: false, details: `Invalid parameter: "to" (${to}) has ${digits.length} digits` };
  return { ok: true, input: to, digits, waId: waIdFor(digits) };
}

/**
 * Meta's wa_id for a number. Two documented-by-experience differences are simulated so a
 * client that keys contacts by the input instead of storing both gets caught: Brazilian
 * mobiles lose the ninth digit, Mexican mobiles gain the legacy `1` after 52.
 */
export function waIdFor(digits: string): string {
  if (/^55\d{2}9\d{8}$/.test(digits)) return digits.slice(0, 4) + digits.slice(5);
  if (/^52\d{10}$/.test(digits)) return `521${digits.slice(2)}`;
  return digits;
}

/** NANP area codes that are not the United States: Canada, the Caribbean and US territories priced with Latin America. */
const NON_US_NPA = new Set(
  (
    '204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438 450 460 468 474 506 514 519 ' +
    '548 579 581 584 587 600 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905 942 ' +
    '242 246 264 268 284 340 345 441 473 649 658 664 670 671 684 721 758 767 784 787 809 829 849 868 869 876 939'
  ).split(' '),
);

/**
 * +1 with a US area code. 555 (fictional, and every sandbox/test number) and N11 service codes
 * are not US area codes, so demos with 1555… recipients still receive marketing templates.
 */
export function isUnitedStates(digits: string): boolean {
  const match = /^1([2-9]\d{2})[2-9]\d{6}$/.exec(digits);
  if (!match) return false;
  const npa = match[1]!;
  return npa !== '555' && !/^[2-9]11$/.test(npa) && !NON_US_NPA.has(npa);
}

/** Numbers the scenario declares "not on WhatsApp": accepted, then failed with 131026. */
export function isOffWhatsApp(digits: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => prefix !== '' && digits.startsWith(prefix));
}
