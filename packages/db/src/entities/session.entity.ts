import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';

/**
 * Lucia-style session: the id is the hex SHA-256 of the random token held in the cookie, so a
 * leaked table cannot be replayed. See docs/auth-flow.md.
 */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: p.string().length(64).primary(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    /** The tenant the user is working in; checked against memberships on every request. */
    currentTenant: () => p.manyToOne(Tenant).deleteRule('set null').nullable(),
    expiresAt: p.datetime().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(512).nullable(),
  },
});
export type Session = InferEntity<typeof Session>;
