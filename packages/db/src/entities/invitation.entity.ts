import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties, TENANT_ROLES } from './base';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';

/** An owner's invitation to join a tenant; only the SHA-256 of its token is stored. */
export const Invitation = defineEntity({
  name: 'Invitation',
  tableName: 'invitations',
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade').index(),
    email: p.string().length(254),
    role: p.enum([...TENANT_ROLES]),
    tokenHash: p.string().length(64).unique(),
    invitedBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    acceptedBy: () => p.manyToOne(User).deleteRule('set null').nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type Invitation = InferEntity<typeof Invitation>;
