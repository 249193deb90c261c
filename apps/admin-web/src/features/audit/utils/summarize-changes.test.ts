import { describe, expect, it } from 'vitest';
import { summarizeChanges } from './summarize-changes';

describe('summarizeChanges', () => {
  it('shows before → after per field', () => {
    expect(summarizeChanges({ before: { status: 'active' }, after: { status: 'suspended' }, reason: 'fraud' })).toBe(
      'status: active → suspended; reason: fraud',
    );
  });

  it('shows new values when there is no before', () => {
    expect(summarizeChanges({ after: { email: 'bob@x.test', role: 'admin' } })).toBe('email: bob@x.test; role: admin');
  });

  it('handles flat objects, nulls and long text', () => {
    expect(summarizeChanges({ engaged: true, reason: 'incident' })).toBe('engaged: true; reason: incident');
    expect(summarizeChanges(null)).toBe('');
    expect(summarizeChanges({ note: 'x'.repeat(200) }, 20)).toHaveLength(20);
  });
});
