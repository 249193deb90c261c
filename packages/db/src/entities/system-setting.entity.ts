import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Platform-wide settings by key, e.g. `kill_switch` → { engaged, reason }. */
export const SystemSetting = defineEntity({
  name: 'SystemSetting',
  tableName: 'system_settings',
  properties: {
    key: p.string().length(64).primary(),
    value: p.json<Record<string, unknown>>(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    updatedBy: p.uuid().nullable(),
  },
});
export type SystemSetting = InferEntity<typeof SystemSetting>;
