/**
 * E.164 normalisation. Numbers written without a country code are read in the tenant's default
 * country (tenants.default_country); `max` metadata so "valid" means a number that can exist,
 * not merely one of the right length.
 * @see https://gitlab.com/catamphetamine/libphonenumber-js#readme
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; phone: string } | { ok: false; reason: string };

const ALLOWED = /^[\d\s()+\-./]+$/;

/** `+4915112345678` from `0151 1234 5678` (DE), `00 49 151…`, `+49 (151) …`; a reason otherwise. */
export function normalizePhone(raw: string, defaultCountry: string): PhoneResult {
  const value = raw.trim();
  if (value === '') return { ok: false, reason: 'phone is empty' };
  if (!ALLOWED.test(value))
    return { ok: false, reason: 'phone has characters other than digits, spaces, + ( ) - . /' };
  // International prefix written as 00 (most of the world) instead of +.
  const text = value.startsWith('00') ? `+${value.slice(2)}` : value;
  const parsed = parsePhoneNumberFromString(text, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed)
    return {
      ok: false,
      reason: `phone is not a number that can be read (default country ${defaultCountry})`,
    };
  if (!parsed.isValid())
    return {
      ok: false,
      reason: `phone is not a valid number for ${parsed.country ?? `+${parsed.countryCallingCode}`}`,
    };
  return { ok: true, phone: parsed.number };
}
