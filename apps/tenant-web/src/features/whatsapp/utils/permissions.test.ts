import { describe, expect, it } from 'vitest';
import { canManageNumbers, canSendTests } from './permissions';

describe('WhatsApp permissions', () => {
  it('lets owners and admins connect, members also send tests, viewers only look', () => {
    expect(['owner', 'admin', 'member', 'viewer'].map(canManageNumbers)).toEqual([true, true, false, false]);
    expect(['owner', 'admin', 'member', 'viewer'].map(canSendTests)).toEqual([true, true, true, false]);
  });
});
