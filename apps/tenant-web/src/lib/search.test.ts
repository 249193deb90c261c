import { describe, expect, it } from 'vitest';
import { signInSearchSchema, signUpSearchSchema, templatesSearchSchema } from './search';

describe('signInSearchSchema', () => {
  it('keeps a redirect path', () => {
    expect(signInSearchSchema.parse({ redirect: '/members' })).toEqual({ redirect: '/members' });
  });

  it('drops a malformed redirect instead of failing the page', () => {
    expect(signInSearchSchema.parse({ redirect: 42 })).toEqual({ redirect: undefined });
    expect(signInSearchSchema.parse({})).toEqual({});
  });
});

describe('signUpSearchSchema', () => {
  it('accepts an invitation token', () => {
    expect(signUpSearchSchema.parse({ invitation: 'abc123DEF_-x' })).toEqual({ invitation: 'abc123DEF_-x' });
  });

  it('ignores tokens that cannot be real', () => {
    expect(signUpSearchSchema.parse({ invitation: '../../etc' })).toEqual({ invitation: undefined });
    expect(signUpSearchSchema.parse({ invitation: 'short' })).toEqual({ invitation: undefined });
  });
});

describe('templatesSearchSchema', () => {
  it('keeps known filters and drops the rest', () => {
    expect(templatesSearchSchema.parse({ status: 'approved', q: 'order', page: '2' })).toEqual({ status: 'approved', q: 'order', page: 2 });
    expect(templatesSearchSchema.parse({ status: 'nope', number: 'x', page: 0 })).toEqual({
      status: undefined,
      number: undefined,
      page: undefined,
    });
  });
});
