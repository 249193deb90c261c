import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { baseProperties } from './base';

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    ...baseProperties,
    /** Stored lower-cased and trimmed; unique. */
    email: p.string().length(254).unique(),
    name: p.string().length(120),
    /** argon2id PHC string; never leaves the auth package. */
    passwordHash: p.text().hidden(),
    /** Platform admins are not a tenant role: they run the platform (admin-web). */
    isPlatformAdmin: p.boolean().default(false),
    passwordChangedAt: p.datetime().nullable(),
  },
});
export type User = InferEntity<typeof User>;
