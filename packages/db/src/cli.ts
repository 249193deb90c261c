/**
 * Migration commands for deploy steps, scripts/stack and developers:
 *   tsx src/cli.ts up | down | status | create [--initial]
 * Reads DATABASE_URL (see env.ts).
 */
import path from 'node:path';
import { createOrm } from './orm';
import { loadDbEnv } from './env';

const command = process.argv[2] ?? 'up';
const env = loadDbEnv();
const migrationsPath = path.join(import.meta.dirname, 'migrations');
const orm = await createOrm({ url: env.DATABASE_URL, poolMax: 2, migrationsPath });
const migrator = orm.getMigrator();
const where = new URL(env.DATABASE_URL);
const target = `${where.hostname}:${where.port || 5432}${where.pathname}`;

try {
  if (command === 'up') {
    const done = await migrator.up();
    console.log(`migrations: ${done.length} applied to ${target}${done.length ? ` (${done.map((m) => m.name).join(', ')})` : ''}`);
  } else if (command === 'down') {
    const done = await migrator.down();
    console.log(`migrations: reverted ${done.map((m) => m.name).join(', ') || 'nothing'} on ${target}`);
  } else if (command === 'status') {
    const executed = await migrator.getExecutedMigrations();
    const pending = await migrator.getPendingMigrations();
    console.log(`migrations on ${target}: ${executed.length} executed, ${pending.length} pending`);
    for (const m of pending) console.log(`  pending: ${m.name}`);
  } else if (command === 'create') {
    const result = await migrator.createMigration(migrationsPath, false, process.argv.includes('--initial'));
    if (!result.fileName) console.log('migrations: schema and entities agree; nothing to create');
    else console.log(`migrations: wrote ${result.fileName}; add it to src/migrations/index.ts`);
  } else {
    throw new Error(`unknown command "${command}" (use up | down | status | create)`);
  }
} finally {
  await orm.close(true);
}
