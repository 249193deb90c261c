import { describe, expect, it } from 'vitest';
import { canSeeBilling } from './permissions';

describe('billing permissions', () => {
  it('shows billing to owners and admins only', () => {
    expect(['owner', 'admin', 'member', 'viewer'].filter(canSeeBilling)).toEqual(['owner', 'admin']);
  });
});
