import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatRelativeTime, humanize } from './format';

const NOW = Date.parse('2025-11-25T12:00:00Z');

describe('formatRelativeTime', () => {
  it('says "just now" for the last 45 seconds', () => {
    expect(formatRelativeTime('2025-11-25T11:59:30Z', NOW)).toBe('just now');
  });

  it('uses the largest fitting unit', () => {
    expect(formatRelativeTime('2025-11-25T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatRelativeTime('2025-11-25T09:00:00Z', NOW)).toBe('3 hours ago');
    expect(formatRelativeTime('2025-11-24T12:00:00Z', NOW)).toBe('yesterday');
    expect(formatRelativeTime('2025-11-11T12:00:00Z', NOW)).toBe('2 weeks ago');
    expect(formatRelativeTime(new Date('2025-11-25T14:00:00Z'), NOW)).toBe('in 2 hours');
  });

  it('returns an empty string for missing or invalid dates', () => {
    expect(formatRelativeTime(null, NOW)).toBe('');
    expect(formatRelativeTime('not a date', NOW)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('formats ISO strings and rejects invalid ones', () => {
    expect(formatDateTime('2025-11-25T12:00:00Z', 'en-GB')).toMatch(/25 Nov 2025/);
    expect(formatDateTime('nope')).toBe('');
  });
});

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(725)).toBe('12m 5s');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3h 20m');
    expect(formatDuration(4 * 86400 + 2 * 3600 + 59)).toBe('4d 2h');
    expect(formatDuration(-3)).toBe('0s');
  });
});

describe('humanize', () => {
  it('turns enum values into words', () => {
    expect(humanize('owner')).toBe('Owner');
    expect(humanize('SENDING_ENABLED')).toBe('Sending enabled');
    expect(humanize('members.invite')).toBe('Members · invite');
  });
});
