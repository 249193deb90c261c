#!/usr/bin/env tsx
/**
 * The readiness check, quick and against the Meta sandbox only (smaller campaigns, shorter
 * waits); refuses real WABA credentials. Exit 0 when every sandbox-provable check passed.
 *
 *   npx tsx scripts/sandbox-test.ts > verdict.json
 */
import { readinessMain } from '../packages/readiness/src/index.ts';

process.exitCode = await readinessMain('sandbox', process.env);
