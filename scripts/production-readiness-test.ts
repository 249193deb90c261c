#!/usr/bin/env tsx
/**
 * Production-readiness check (docs/PRODUCTION_VALIDATION_GUIDE.md): connection, template
 * lifecycle, campaign execution, webhooks and safety against a deployment — the Meta sandbox
 * by default, a real WABA when READINESS_ACCESS_TOKEN (with the WABA, number and test
 * recipients) is given. Progress on stderr, the verdict JSON on stdout.
 * Exit 0: PASS (ready to build and deploy); 2: everything the sandbox can prove passed; 1: not ready.
 *
 *   npx tsx scripts/production-readiness-test.ts > verdict.json
 */
import { readinessMain } from '../packages/readiness/src/index.ts';

process.exitCode = await readinessMain('production', process.env);
