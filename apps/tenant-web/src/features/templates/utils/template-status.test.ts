import { describe, expect, it } from 'vitest';
import { fieldLabel, problemsAt } from './problems';
import { filterCounts, statusesOf } from './template-status';

describe('status filters', () => {
  it('maps tabs to statuses and counts them', () => {
    expect(statusesOf('all')).toBeUndefined();
    expect(statusesOf('pending')).toEqual(['PENDING', 'IN_APPEAL']);
    const counts = filterCounts({ DRAFT: 2, PENDING: 1, IN_APPEAL: 1, APPROVED: 5, DELETED: 3 });
    expect(counts).toMatchObject({ all: 9, draft: 2, pending: 2, approved: 5, rejected: 0 });
  });
});

describe('problems', () => {
  const problems = [
    { field: 'components.body.text', detail: 'the body text is required', message: 'x' },
    { field: 'components.buttons[1].url', detail: 'needs a web address', message: 'x' },
  ];

  it('finds the sentences for one field', () => {
    expect(problemsAt(problems, 'components.body.text')).toEqual(['The body text is required.']);
    expect(problemsAt(problems, 'name')).toEqual([]);
  });

  it('labels fields for the summary', () => {
    expect(fieldLabel('components.buttons[1].url')).toBe('Button 2');
    expect(fieldLabel('components.body.examples.first_name')).toBe('Sample for {{first_name}}');
    expect(fieldLabel('something.else')).toBe('something.else');
  });
});
