import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Failed sign-in counters per account (`email:…`) and per client (`ip:…`), in PostgreSQL so
 * every api replica sees the same count.
 */
export const AuthThrottle = defineEntity({
  name: 'AuthThrottle',
  tableName: 'auth_throttles',
  properties: {
    key: p.string().length(300).primary(),
    failures: p.integer().default(0),
    windowStartedAt: p.datetime(),
    lockedUntil: p.datetime().nullable(),
  },
});
export type AuthThrottle = InferEntity<typeof AuthThrottle>;
