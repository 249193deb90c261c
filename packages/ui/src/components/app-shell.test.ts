import { describe, expect, it } from 'vitest';
import { initialsOf } from './app-shell';

describe('initialsOf', () => {
  it('takes the first letters of the first two words', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('bob.smith@example.test')).toBe('BS');
  });

  it('skips parts that do not start with a letter', () => {
    expect(initialsOf('invitee-6d820a4f@example.test')).toBe('I');
    expect(initialsOf('1234')).toBe('?');
  });
});
