import { describe, expect, it } from 'vitest';
import { TENANT_ROLES } from '@dbulk/db';
import { can, canAssignRole, hasRole, PERMISSIONS } from './rbac';

describe('rbac', () => {
  it('ranks roles owner > admin > member > viewer', () => {
    expect(hasRole('owner', 'admin')).toBe(true);
    expect(hasRole('admin', 'owner')).toBe(false);
    expect(hasRole('member', 'viewer')).toBe(true);
    expect(hasRole('viewer', 'member')).toBe(false);
  });

  it('grants every permission to owners and only reads to viewers', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can('owner', permission)).toBe(true);
    }
    expect(can('viewer', 'members:read')).toBe(true);
    expect(can('viewer', 'members:invite')).toBe(false);
    expect(can('member', 'members:invite')).toBe(false);
    expect(can('admin', 'members:invite')).toBe(true);
  });

  it('lets only owners create or demote owners', () => {
    expect(canAssignRole('owner', 'member', 'owner')).toBe(true);
    expect(canAssignRole('owner', 'owner', 'admin')).toBe(true);
    expect(canAssignRole('admin', 'member', 'admin')).toBe(true);
    expect(canAssignRole('admin', 'member', 'owner')).toBe(false);
    expect(canAssignRole('admin', 'owner', 'member')).toBe(false);
    for (const to of TENANT_ROLES) expect(canAssignRole('member', 'viewer', to)).toBe(false);
  });
});
