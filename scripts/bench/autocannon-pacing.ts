#!/usr/bin/env tsx
/**
 * Shows how autocannon paces `overallRate`: a local node:http server records when each request
 * arrives, and the arrivals are counted per 50 ms. Evidence for docs/benchmarks.md (why the
 * open-model steps use scripts/bench/lib/open-loop.ts). Usage: npx tsx scripts/bench/autocannon-pacing.ts [rate]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<unknown>;
const rate = Number(process.argv[2] ?? 2000);
const arrivals: number[] = [];
const server = http.createServer((req, res) => {
  arrivals.push(performance.now());
  req.resume();
  req.on('end', () => res.end());
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 100, overallRate: rate, duration: 3, method: 'POST', body: '{}' });
server.close();
const first = arrivals[0]!;
const buckets = new Array<number>(Math.ceil((arrivals.at(-1)! - first) / 50) + 1).fill(0);
for (const at of arrivals) buckets[Math.floor((at - first) / 50)]! += 1;
console.log(`overallRate ${rate}/s, 100 connections: requests per 50 ms over the first 2 s (uniform would be ${rate / 20} each):`);
console.log(buckets.slice(0, 40).join(' '));
