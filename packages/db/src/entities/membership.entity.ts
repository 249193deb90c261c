import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties, TENANT_ROLES } from './base';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';

export const Membership = defineEntity({
  name: 'Membership',
  tableName: 'memberships',
  uniques: [{ properties: ['tenant', 'user'] }],
  properties: {
    ...baseProperties,
    tenant: () => p.manyToOne(Tenant).deleteRule('cascade'),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    role: p.enum([...TENANT_ROLES]),
  },
});
export type Membership = InferEntity<typeof Membership>;
