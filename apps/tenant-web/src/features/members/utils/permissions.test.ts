import { describe, expect, it } from 'vitest';
import { assignableRoles, canChangeRole, canManageMembers, canRemoveMember } from './permissions';

describe('member permissions', () => {
  it('lets owners and admins manage members, not members or viewers', () => {
    expect(canManageMembers('owner')).toBe(true);
    expect(canManageMembers('admin')).toBe(true);
    expect(canManageMembers('member')).toBe(false);
    expect(canManageMembers('viewer')).toBe(false);
  });

  it('lets owners assign any role, admins every role but owner, others none', () => {
    expect(assignableRoles('owner', 'member')).toEqual(['owner', 'admin', 'member', 'viewer']);
    expect(assignableRoles('admin', 'viewer')).toEqual(['admin', 'member', 'viewer']);
    expect(assignableRoles('admin', 'owner')).toEqual([]);
    expect(assignableRoles('member', 'viewer')).toEqual([]);
  });

  it('never offers to change or remove yourself', () => {
    expect(canChangeRole('owner', { role: 'owner', isSelf: true })).toBe(false);
    expect(canRemoveMember('owner', { role: 'owner', isSelf: true })).toBe(false);
  });

  it('keeps admins away from owners', () => {
    expect(canChangeRole('admin', { role: 'owner', isSelf: false })).toBe(false);
    expect(canRemoveMember('admin', { role: 'owner', isSelf: false })).toBe(false);
    expect(canRemoveMember('admin', { role: 'member', isSelf: false })).toBe(true);
    expect(canRemoveMember('viewer', { role: 'member', isSelf: false })).toBe(false);
  });
});
