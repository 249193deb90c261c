/**
 * The operator docs' SQL is part of the schema's public contract (ARCHITECTURE.md, "Data"): every
 * query in docs/PRODUCTION_READINESS_CHECKLIST.md and docs/runbooks/operations.md must run
 * against the migrated schema, so a renamed column breaks this test instead of an SRE's incident.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testStack } from '@dbulk/testing';
import { REPO_ROOT } from '@dbulk/testing/e2e';

const DOCS = ['PRODUCTION_READINESS_CHECKLIST.md', 'runbooks/operations.md'];
const queries = DOCS.flatMap((doc) =>
  [...readFileSync(path.join(REPO_ROOT, 'docs', doc), 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)].map((m, i) => [`${doc} #${i + 1}`, m[1]!.trim()] as const),
);
const values: Record<string, string> = { tenant_id: randomUUID(), campaign_id: randomUUID(), waba_id: '102290129340398', phone_number_id: '106540352242922' };
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: testStack().databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

it('finds the docs\' queries', () => {
  expect(queries.length).toBeGreaterThanOrEqual(35);
});

it.each(queries)('%s runs against the migrated schema', async (_n, query) => {
  const params: string[] = [];
  const sql = query.replace(/:'(\w+)'/g, (_all, name: string) => {
    if (!(name in values)) throw new Error(`unknown psql variable ${name}`);
    params.push(values[name]!);
    return `$${params.length}`;
  });
  // Read-only: the queries must never change anything, so they run in a transaction rolled back.
  await client.query('begin read only');
  try {
    await expect(client.query(sql, params)).resolves.toBeDefined();
  } finally {
    await client.query('rollback');
  }
});
