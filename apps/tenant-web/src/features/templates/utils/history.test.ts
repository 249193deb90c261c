import { describe, expect, it } from 'vitest';
import { historyEvent, rejectionOf } from './history';

describe('historyEvent', () => {
  it('names what a person did', () => {
    expect(historyEvent('submitted', 'PENDING')).toEqual({ title: 'Submitted to Meta', meta: null });
  });

  it('names Meta’s decisions, whether the row holds Meta’s word or status_changed', () => {
    expect(historyEvent('APPROVED', 'APPROVED')).toEqual({ title: 'Approved by Meta', meta: 'APPROVED' });
    expect(historyEvent('status_changed', 'APPROVED')).toEqual({
      title: 'Approved by Meta',
      meta: 'APPROVED',
    });
    expect(historyEvent('CATEGORY_UPDATE', 'APPROVED').title).toBe('Category changed by Meta');
    expect(historyEvent('SOMETHING_NEW', 'PENDING').title).toBe('Something new (Meta)');
  });
});

describe('rejectionOf', () => {
  it('splits a code from the sentence Meta may send with it', () => {
    expect(rejectionOf('INVALID_FORMAT')).toEqual({ code: 'INVALID_FORMAT', text: null });
    expect(rejectionOf('SCAM: The template violates policy.')).toEqual({
      code: 'SCAM',
      text: 'The template violates policy.',
    });
    expect(rejectionOf('Something odd happened')).toEqual({ code: null, text: 'Something odd happened' });
    expect(rejectionOf(null)).toEqual({ code: null, text: null });
  });
});
