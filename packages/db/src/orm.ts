/**
 * The MikroORM composition root: one config for apps, scripts and tests.
 * Migrations are listed statically so bundled apps and the CLI run the same set; they run
 * from a deploy step (`npm run -w @dbulk/db migrate`), never at boot.
 * @see https://mikro-orm.io/docs/configuration
 * @see https://mikro-orm.io/docs/migrations
 */
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities/index';
import { migrationsList } from './migrations/index';

export interface OrmOptions {
  url: string;
  poolMax?: number;
  debug?: boolean;
  /** Where `migration:create` writes new files (the CLI passes the source folder). */
  migrationsPath?: string;
}

export function ormConfig({ url, poolMax = 10, debug = false, migrationsPath }: OrmOptions): Options {
  return defineConfig({
    clientUrl: url,
    entities,
    extensions: [Migrator],
    pool: { min: 0, max: poolMax },
    debug,
    // Never let the ORM decide the schema at runtime: migrations own it.
    ensureDatabase: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: true },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: migrationsPath,
      glob: '!(*.d).{js,ts}',
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: '.snapshot-dbulk',
      emit: 'ts',
    },
  });
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormConfig(options));
}

export { MikroORM };
