import { describe, expect, it } from 'vitest';
import { signInSearchSchema, signUpSearchSchema } from './search';

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
