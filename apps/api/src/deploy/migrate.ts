/**
 * `node apps/api/dist/deploy/migrate.js`: applies pending migrations, then prints what ran.
 * The chart runs it as a pre-install/pre-upgrade hook Job, before the new pods roll out, so a
 * `helm upgrade` that adds a migration converges by itself. Migrations are listed as classes in
 * @dbulk/db, so the bundle needs no migration files on disk (the image's root is read-only;
 * MikroORM skips the snapshot write there). With SEED_PRICING=true it then loads the rate card
 * dbulk ships (RATE_CARD_PATH), idempotently, so a fresh install prices deliveries instead of
 * recording them at zero. Exit 0 on success, 1 on failure, 2 on bad config.
 * @see https://mikro-orm.io/docs/migrations#running-migrations-in-production
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@dbulk/config';
import { createOrm } from '@dbulk/db';
import { seedRateCard } from '@dbulk/domain-billing';
import { createLogger } from '@dbulk/logger';
import { loadMigrateEnv } from './env';

async function main(): Promise<number> {
  const env = loadMigrateEnv();
  const logger = createLogger({ name: 'migrate', level: env.LOG_LEVEL });
  const where = new URL(env.DATABASE_URL);
  const target = `${where.hostname}:${where.port || 5432}${where.pathname}`;
  const orm = await createOrm({ url: env.DATABASE_URL, poolMax: 2 });
  try {
    const applied = await orm.getMigrator().up();
    const pending = await orm.getMigrator().getPendingMigrations();
    logger.info({ target, applied: applied.map((m) => m.name), pending: pending.length }, `migrations: ${applied.length} applied to ${target}`);
    if (pending.length > 0) return 1;
    if (env.SEED_PRICING) {
      const file = path.resolve(env.RATE_CARD_PATH);
      const { cards } = await seedRateCard(orm.em.fork(), readFileSync(file, 'utf8'));
      for (const card of cards) logger.info({ target, file, ...card }, `pricing: card ${card.effectiveFrom}: ${card.written} of ${card.rows} rates written`);
    }
    return 0;
  } catch (err) {
    logger.error({ err, target }, `migrations failed on ${target}`);
    return 1;
  } finally {
    await orm.close(true);
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err instanceof ConfigError ? `migrate: ${err.message}` : err);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
}
