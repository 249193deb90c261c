import { describe, expect, it } from 'vitest';
import { decidePreference, e164Of, type SuppressionRow } from './preferences';

const t = (seconds: number) => new Date(seconds * 1000);
const row = (id: string, occurred: number, lifted: number | null, source = 'user_preferences'): SuppressionRow => ({
  id, source, occurredAt: t(occurred), liftedAt: lifted === null ? null : t(lifted),
});

describe('decidePreference', () => {
  it('suppresses on a stop with nothing on record', () => {
    expect(decidePreference('stop', t(100), [])).toEqual({ action: 'suppress' });
  });

  it('lifts the stop a later resume follows', () => {
    expect(decidePreference('resume', t(200), [row('s1', 100, null)])).toEqual({ action: 'lift', ids: ['s1'] });
  });

  it('ignores a stale stop older than the latest resume', () => {
    expect(decidePreference('stop', t(150), [row('s1', 100, 200)])).toMatchObject({ action: 'none', reason: expect.stringContaining('stale stop') });
  });

  it('suppresses again on a stop newer than the latest resume', () => {
    expect(decidePreference('stop', t(300), [row('s1', 100, 200)])).toEqual({ action: 'suppress' });
  });

  it('remembers a resume that arrives before any stop, so the older stop arriving later is stale', () => {
    expect(decidePreference('resume', t(200), [])).toMatchObject({ action: 'mark_resumed' });
    expect(decidePreference('stop', t(100), [row('m', 200, 200)])).toMatchObject({ action: 'none', reason: expect.stringContaining('stale stop') });
  });

  it('ignores a stale resume older than the active stop', () => {
    expect(decidePreference('resume', t(50), [row('s1', 100, null)])).toMatchObject({ action: 'none', reason: expect.stringContaining('stale resume') });
  });

  it('resolves a stop and a resume in the same second toward suppression', () => {
    expect(decidePreference('stop', t(200), [row('s1', 100, 200)])).toEqual({ action: 'suppress' });
    expect(decidePreference('resume', t(100), [row('s1', 100, null)])).toMatchObject({ action: 'none' });
  });

  it('does not stack a second suppression, nor lift one from another source', () => {
    expect(decidePreference('stop', t(300), [row('k', 100, null, 'keyword')])).toMatchObject({ action: 'none', reason: expect.stringContaining('already suppressed') });
    expect(decidePreference('resume', t(300), [row('k', 100, null, 'manual')])).toMatchObject({ action: 'mark_resumed', note: expect.stringContaining('manual suppression stays') });
  });

  it('does not record the same resume twice', () => {
    expect(decidePreference('resume', t(200), [row('s1', 100, 200)])).toMatchObject({ action: 'none' });
  });
});

describe('e164Of', () => {
  it('adds the plus to wa_id digits and rejects what is not a number', () => {
    expect(e164Of('15550198762')).toBe('+15550198762');
    expect(e164Of('+4915112345678')).toBe('+4915112345678');
    expect(e164Of('US.123')).toBeUndefined();
    expect(e164Of('0123')).toBeUndefined();
    expect(e164Of(undefined)).toBeUndefined();
  });
});
