/**
 * The checklist's SQL is part of the schema's public contract (ARCHITECTURE.md, "Data"): every
 * query in docs/PRODUCTION_READINESS_CHECKLIST.md must run against the migrated schema, so a
 * renamed column breaks this test instead of an SRE's incident.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testStack } from '@dbulk/testing';
import { REPO_ROOT } from '@dbulk/testing/e2e';

const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'PRODUCTION_READINESS_CHECKLIST.md'), 'utf8');
const queries = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
const values: Record<string, string> = { tenant_id: randomUUID(), campaign_id: randomUUID(), waba_id: '102290129340398', phone_number_id: '106540352242922' };
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: testStack().databaseUrl });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

it('finds the checklist\'s queries', () => {
  expect(queries.length).toBeGreaterThanOrEqual(20);
});

it.each(queries.map((q, i) => [i + 1, q] as const))('query %i runs against the migrated schema', async (_n, query) => {
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
