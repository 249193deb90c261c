import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStackEnvFile } from '@dbulk/config';
import { createOrm, type MikroORM } from './orm';

describe('migrations', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    const url = process.env.DATABASE_URL_TEST ?? readStackEnvFile().DATABASE_URL_TEST;
    if (!url) throw new Error('DATABASE_URL_TEST is not set and .data/stack.env is missing: run scripts/stack up');
    orm = await createOrm({ url, poolMax: 2 });
  });
  afterAll(() => orm.close(true));

  it('are all applied to the test database', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
  });

  it('describe exactly the schema the entities declare (no drift)', async () => {
    expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
  });

  it('seed the released kill switch', async () => {
    const [row] = await orm.em.getConnection().execute(`select value from system_settings where key = 'kill_switch'`);
    expect(row?.value).toMatchObject({ engaged: false });
  });
});
