import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('keeps numbers already in E.164', () => {
    expect(normalizePhone('+4915112345678', 'US')).toEqual({ ok: true, phone: '+4915112345678' });
  });

  it('reads national numbers in the default country', () => {
    expect(normalizePhone('0151 1234 5678', 'DE')).toEqual({ ok: true, phone: '+4915112345678' });
    expect(normalizePhone('(201) 555-0123', 'US')).toEqual({ ok: true, phone: '+12015550123' });
    expect(normalizePhone('06 12 34 56 78', 'fr')).toEqual({ ok: true, phone: '+33612345678' });
  });

  it('reads the same national number differently in another default country', () => {
    const de = normalizePhone('030 1234567', 'DE');
    expect(de).toEqual({ ok: true, phone: '+49301234567' });
    expect(normalizePhone('030 1234567', 'US').ok).toBe(false);
  });

  it('accepts 00 as the international prefix and formatting characters', () => {
    expect(normalizePhone('0049 151 12345678', 'US')).toEqual({ ok: true, phone: '+4915112345678' });
    expect(normalizePhone(' +44 (20) 7946.0958 ', 'US')).toEqual({ ok: true, phone: '+442079460958' });
  });

  it('rejects empty, non-numeric and impossible numbers with a reason', () => {
    expect(normalizePhone('  ', 'US')).toEqual({ ok: false, reason: 'phone is empty' });
    expect(normalizePhone('call me', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('characters other than digits'),
    });
    expect(normalizePhone('12ab34', 'US').ok).toBe(false);
    expect(normalizePhone('123', 'US')).toMatchObject({ ok: false });
    // Full metadata: a real mobile prefix with too few digits is not a number.
    expect(normalizePhone('+49 151 123', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a valid number for DE'),
    });
    expect(normalizePhone('+1 000 000 0000', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a valid number'),
    });
  });
});
