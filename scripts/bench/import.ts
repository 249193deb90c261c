#!/usr/bin/env tsx
/**
 * Contacts import benchmark: writes a 1,000,000-row CSV (~75 MB: E.164 and national numbers,
 * names, tags, two attributes, 1 % invalid, 1 % repeated), imports it through the same code as
 * POST /uploads/contacts (importContacts over a file stream), and in the same run COPYs the same
 * file into a bare table as the baseline. Reports wall time, rows/s, peak RSS (sampled every
 * 50 ms) and the ratio to the baseline; writes test-output/bench/import-<time>.json.
 *
 *   npm run bench:import            # or: npx tsx scripts/bench/import.ts --rows 1000000
 *
 * Uses DATABASE_URL (the dev database of scripts/stack); the bench tenant and the baseline table
 * are deleted at the end.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { from as copyFrom } from 'pg-copy-streams';
import { findRepoRoot, readStackEnvFile } from '@dbulk/config';
import { createOrm, Tenant } from '@dbulk/db';
import { importContacts } from '@dbulk/domain-contacts';
import { machine } from './lib/report';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    keep: { type: 'boolean', default: false },
    measure: { type: 'boolean', default: false },
    'heap-mb': { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const root = findRepoRoot();
const outDir = path.join(root, 'test-output', 'bench');
mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `contacts-${ROWS}.csv`);

const NAMES = ['Ana', 'Bruno', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Günter', 'Hana', 'Ivo', 'Júlia'];
const CITIES = ['Berlin', 'Köln', 'München', 'Hamburg', 'Leipzig', 'Dresden', 'Bonn', 'Essen'];

async function writeCsv(): Promise<void> {
  const out = createWriteStream(file);
  async function* lines() {
    yield 'phone,name,tags,city,plan\n';
    let chunk = '';
    for (let i = 0; i < ROWS; i++) {
      const n = i % 100 === 99 ? i - 37 : i; // 1 % repeat an earlier number
      const sub = String(10_000_000 + n).slice(-8);
      const prefix = ['151', '152', '160', '170', '171', '172', '175', '176'][n % 8];
      const phone = i % 100 === 98 ? `n/a-${i}` : n % 3 === 0 ? `0${prefix} ${sub}` : `+49 ${prefix} ${sub}`;
      const name = `${NAMES[i % 10]} ${NAMES[(i >> 3) % 10]}son ${i}`;
      chunk += `${phone},"${name}",${i % 4 === 0 ? 'vip|spring' : 'spring'},${CITIES[i % 8]},${i % 5 === 0 ? 'gold' : 'basic'}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  await pipeline(lines(), out);
}

function rssSampler() {
  let peak = process.memoryUsage().rss;
  let heap = 0;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 50);
  return { stop: () => (clearInterval(timer), { rss: Math.max(peak, process.memoryUsage().rss), heap }) };
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const s = (ms: number) => Math.round(ms / 10) / 100;

async function main() {
  const env = readStackEnvFile();
  const url = process.env.DATABASE_URL ?? env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set and .data/stack.env has none: run scripts/stack up');
  if (!args.measure) {
    const started = performance.now();
    await writeCsv();
    console.log(
      `wrote ${ROWS.toLocaleString()} rows, ${mb(statSync(file).size)} MB in ${s(performance.now() - started)} s → ${file}`,
    );
    // Measured in a fresh process, so its RSS is the import's and not the generator's garbage.
    // --heap-mb caps V8's heap the way an api deployment would (NODE_OPTIONS); unset, V8 sizes it lazily.
    const heap = args['heap-mb']
      ? [`--max-old-space-size=${args['heap-mb']}`]
      : [];
    const child = spawnSync(
      process.execPath,
      [...heap, ...process.execArgv, ...process.argv.slice(1), '--measure'],
      {
        stdio: 'inherit',
      },
    );
    process.exit(child.status ?? 1);
  }
  const bytes = statSync(file).size;
  let started = performance.now();

  const orm = await createOrm({ url, poolMax: 4 });
  const em = orm.em.fork();
  const tenant = em.create(Tenant, { name: `bench-import-${Date.now()}`, defaultCountry: 'DE' });
  await em.flush();
  const actor = {
    tenantId: tenant.id,
    userId: '00000000-0000-4000-8000-00000000be9c',
    email: 'bench@example.test',
    ip: null,
  };
  const rssBefore = process.memoryUsage().rss;
  try {
    const sampler = rssSampler();
    const cpuBefore = process.cpuUsage();
    started = performance.now();
    const result = await importContacts(
      em,
      actor,
      {
        fileName: path.basename(file),
        bytesTotal: bytes,
        listId: null,
        mapping: {},
        maxBytes: 512 * 2 ** 20,
      },
      createReadStream(file, { highWaterMark: 1 << 16 }),
    );
    const importMs = performance.now() - started;
    const { rss: peakRss, heap: peakHeap } = sampler.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const nodeCpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `import: ${s(importMs)} s (Node CPU ${s(nodeCpuMs)} s), peak RSS ${mb(peakRss)} MB (${mb(rssBefore)} MB before; peak heap used ${mb(peakHeap)} MB of a ${mb(v8.getHeapStatistics().heap_size_limit)} MB limit)`,
    );
    console.log(
      `  created ${result.created}, updated ${result.updated}, duplicates ${result.duplicates}, rejected ${result.rejected}`,
    );

    const baseline = await orm.em.getKnex().client.acquireConnection();
    let baselineMs = 0;
    let indexedMs = 0;
    try {
      await baseline.query('drop table if exists bench_import_baseline');
      await baseline.query(
        'create table bench_import_baseline (phone text, name text, tags text, city text, plan text)',
      );
      started = performance.now();
      await pipeline(
        createReadStream(file, { highWaterMark: 1 << 16 }),
        baseline.query(copyFrom('copy bench_import_baseline from stdin with (format csv, header true)')),
      );
      baselineMs = performance.now() - started;
      // The database's floor for any merge: the same rows inserted set-wise into a table shaped like
      // contacts (its five indexes) with its foreign key to tenants.
      await baseline.query('drop table if exists bench_import_indexed');
      await baseline.query(
        'create table bench_import_indexed (like contacts including all, foreign key (tenant_id) references tenants (id))',
      );
      started = performance.now();
      await baseline.query(
        `insert into bench_import_indexed (id, created_at, updated_at, tenant_id, phone, name, tags)
         select gen_random_uuid(), now(), now(), $1, left(phone, 20), name, string_to_array(tags, '|') from bench_import_baseline
         on conflict do nothing`,
        [tenant.id],
      );
      indexedMs = performance.now() - started;
      await baseline.query('drop table bench_import_indexed');
      await baseline.query('drop table bench_import_baseline');
    } finally {
      await orm.em.getKnex().client.releaseConnection(baseline);
    }
    const ratio = baselineMs / importMs;
    console.log(
      `floor: INSERT … SELECT of the same rows into a contacts-shaped table with its indexes and FK: ${s(indexedMs)} s`,
    );
    console.log(
      `baseline COPY into a bare table: ${s(baselineMs)} s → import runs at ${ratio.toFixed(2)}× the baseline's speed`,
    );
    const report = {
      started: new Date().toISOString(),
      command: `npx tsx scripts/bench/import.ts --rows ${ROWS}${args['heap-mb'] ? ` --heap-mb ${args['heap-mb']}` : ''}`,
      machine: machine(root),
      file: { rows: ROWS, bytes },
      import: {
        seconds: s(importMs),
        rowsPerSecond: Math.round(ROWS / (importMs / 1000)),
        peakRssMB: mb(peakRss),
        peakHeapUsedMB: mb(peakHeap),
        heapCapMB: args['heap-mb'] ? Number(args['heap-mb']) : null,
        rssBeforeMB: mb(rssBefore),
        result: {
          created: result.created,
          updated: result.updated,
          duplicates: result.duplicates,
          rejected: result.rejected,
        },
      },
      baseline: { seconds: s(baselineMs), rowsPerSecond: Math.round(ROWS / (baselineMs / 1000)) },
      indexedInsertFloor: { seconds: s(indexedMs) },
      ratio: Math.round(ratio * 100) / 100,
      targets: {
        seconds: importMs <= 30_000,
        rssUnder256MB: peakRss < 256 * 2 ** 20,
        ratioAtLeast033: ratio >= 0.33,
      },
    };
    const out = path.join(outDir, `import-${report.started.replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, JSON.stringify(report, null, 2));
    console.log(`targets: ${JSON.stringify(report.targets)} → ${out}`);
  } finally {
    if (!args.keep) await orm.em.fork().execute('delete from tenants where id = ?', [tenant.id]);
    await orm.close(true);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
