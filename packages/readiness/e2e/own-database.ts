/**
 * The readiness test's own database (`<test database>_readiness`, created once and migrated on
 * every run): the check engages the global kill switch and runs a planner over every tenant,
 * both of which would stop or steal other suites' sends in the shared `dbulk_test`. Leftovers of
 * an interrupted run are cancelled and the kill switch released before a new run.
 */
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT, run } from '@dbulk/testing/e2e';

export function ownDatabaseUrl(testDatabaseUrl: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `${url.pathname.replace(/^\//, '')}_readiness`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function prepareOwnDatabase(testDatabaseUrl: string): Promise<string> {
  const url = ownDatabaseUrl(testDatabaseUrl);
  const name = new URL(url).pathname.slice(1);
  await withClient(testDatabaseUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '')}"`);
  });
  await run(process.execPath, [path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/cli.ts', 'up'], {
    cwd: path.join(REPO_ROOT, 'packages/db'),
    env: { ...process.env, DATABASE_URL: url },
    timeoutMs: 120_000,
  });
  await withClient(url, async (client) => {
    await client.query(`update campaigns set status = 'CANCELLED', updated_at = now() where status in ('RUNNING', 'PAUSED', 'SCHEDULED')`);
    await client.query(`update system_settings set value = jsonb_build_object('engaged', false), updated_at = now() where key = 'kill_switch'`);
  });
  return url;
}
