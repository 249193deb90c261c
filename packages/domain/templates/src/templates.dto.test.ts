import { describe, expect, it } from 'vitest';
import { REJECTION_HINTS, rejectionHintOf } from './templates.dto';

describe('rejection hints', () => {
  it('explain a bare code and a code with Meta’s own words after it', () => {
    expect(rejectionHintOf('SCAM')).toBe(REJECTION_HINTS.SCAM);
    expect(rejectionHintOf('PROMOTIONAL: looks like an advert')).toBe(REJECTION_HINTS.PROMOTIONAL);
  });

  it('say nothing for an unknown or empty reason', () => {
    expect(rejectionHintOf('SOMETHING_NEW: words')).toBeNull();
    expect(rejectionHintOf(null)).toBeNull();
    expect(rejectionHintOf('')).toBeNull();
  });
});
