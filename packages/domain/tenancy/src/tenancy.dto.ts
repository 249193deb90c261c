import type { Membership, Tenant, TenantRole, User } from '@dbulk/db';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
}

export interface MembershipDto {
  tenantId: string;
  tenantName: string;
  role: TenantRole;
}

export interface MemberDto {
  userId: string;
  email: string;
  name: string;
  role: TenantRole;
  createdAt: string;
}

export interface TenantDto {
  id: string;
  name: string;
  status: Tenant['status'];
  timezone: string;
  defaultCountry: string;
  sendingEnabled: boolean;
  createdAt: string;
}

export const toUserDto = (user: User): UserDto => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isPlatformAdmin: user.isPlatformAdmin,
});

export const toTenantDto = (tenant: Tenant): TenantDto => ({
  id: tenant.id,
  name: tenant.name,
  status: tenant.status,
  timezone: tenant.timezone,
  defaultCountry: tenant.defaultCountry,
  sendingEnabled: tenant.sendingEnabled,
  createdAt: tenant.createdAt.toISOString(),
});

export const toMemberDto = (membership: Membership): MemberDto => {
  const user = membership.user as unknown as User;
  return { userId: user.id, email: user.email, name: user.name, role: membership.role, createdAt: membership.createdAt.toISOString() };
};
