/**
 * Meta does not deliver MARKETING templates to US numbers (+1 numbers whose country is the US;
 * Canada and the Caribbean share +1). The country of a NANP number follows from its area code,
 * so each distinct area code is classified once with libphonenumber-js, and SQL filters by the
 * list of US area codes: one pass for 100,000 recipients instead of 100,000 parses.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** `samples`: one E.164 number per area code. Unidentifiable numbers count as US (filtering is the safe side). */
export function usAreaCodes(samples: { npa: string; phone: string }[]): string[] {
  return samples
    .filter(({ phone }) => {
      const country = parsePhoneNumberFromString(phone)?.country;
      return country === 'US' || country === undefined;
    })
    .map(({ npa }) => npa);
}
