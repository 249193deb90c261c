import { describe, expect, it } from 'vitest';
import { isOffWhatsApp, isUnitedStates, parseRecipient, waIdFor } from './recipients';

describe('parseRecipient', () => {
  it('accepts E.164 with or without + and common formatting', () => {
    expect(parseRecipient('+1 (650) 555-1234')).toMatchObject({ ok: true, digits: '16505551234', waId: '16505551234' });
    expect(parseRecipient('447700900123')).toMatchObject({ ok: true, digits: '447700900123' });
  });

  it.each(['abc', '12345', '0612345678', '+1234567890123456', '1650555123x'])('rejects %s', (to) => {
    expect(parseRecipient(to).ok).toBe(false);
  });
});

describe('waIdFor', () => {
  it('drops the ninth digit of a Brazilian mobile and adds 1 after 52 for Mexico', () => {
    expect(waIdFor('5511987654321')).toBe('551187654321');
    expect(waIdFor('525512345678')).toBe('5215512345678');
    expect(waIdFor('4915112345678')).toBe('4915112345678');
  });
});

describe('isUnitedStates', () => {
  it('recognises US area codes', () => {
    expect(isUnitedStates('16505551234')).toBe(true);
    expect(isUnitedStates('12125550100')).toBe(true);
  });

  it('excludes Canada, the Caribbean, 555 test numbers and other countries', () => {
    expect(isUnitedStates('14165551234')).toBe(false); // Toronto
    expect(isUnitedStates('18765551234')).toBe(false); // Jamaica
    expect(isUnitedStates('17875551234')).toBe(false); // Puerto Rico
    expect(isUnitedStates('15550198762')).toBe(false);
    expect(isUnitedStates('447700900123')).toBe(false);
  });
});

describe('isOffWhatsApp', () => {
  it('matches configured prefixes only', () => {
    expect(isOffWhatsApp('15559990001', ['155599'])).toBe(true);
    expect(isOffWhatsApp('15550001111', ['155599'])).toBe(false);
    expect(isOffWhatsApp('15550001111', [''])).toBe(false);
  });
});
