import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface AuditChanges {
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * One row per mutation, written in the same transaction as the change. Plain columns (no
 * foreign keys) so the trail outlives the users and tenants it mentions.
 */
export const AuditLog = defineEntity({
  name: 'AuditLog',
  tableName: 'audit_logs',
  indexes: [{ properties: ['tenantId', 'id'] }, { properties: ['action', 'id'] }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    actorUserId: p.uuid().nullable(),
    actorEmail: p.string().length(254).nullable(),
    tenantId: p.uuid().nullable(),
    action: p.string().length(80),
    targetType: p.string().length(40).nullable(),
    targetId: p.string().length(80).nullable(),
    changes: p.json<AuditChanges>().nullable(),
    ip: p.string().length(64).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type AuditLog = InferEntity<typeof AuditLog>;
