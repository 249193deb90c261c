#!/usr/bin/env tsx
/**
 * One constant-rate step against an ingest that is already running (e.g. under `node --cpu-prof`),
 * for profiling: npx tsx scripts/bench/profile-step.ts <origin> <app secret> [rate] [seconds]
 */
import path from 'node:path';
import { findRepoRoot } from '@dbulk/config';
import { runStep } from './lib/open-loop';
import { buildPayloads } from './lib/payloads';

const [origin = 'http://127.0.0.1:4001', secret = 'bench', rate = '3300', seconds = '10'] = process.argv.slice(2);
const fixtures = [path.join(findRepoRoot(), '..', 'shared', 'meta', 'fixtures')].find(Boolean)!;
const payloads = buildPayloads(fixtures, secret);
const result = await runStep({ origin, path: '/webhooks/whatsapp', rate: Number(rate), durationS: Number(seconds), payloads, connections: 128, maxOutstanding: 5_000 });
console.log(JSON.stringify(result));
const metrics = await (await fetch(`${origin}/metrics`)).text();
console.log(metrics.split('\n').filter((line) => /^ingest_(webhook_request_duration|kafka_produce_duration|kafka_batch_records)/.test(line)).join('\n'));
