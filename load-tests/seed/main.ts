#!/usr/bin/env tsx
/**
 * Seeds the api-reads dataset: signs LOAD_EMAIL up through the api (API_URL, ORIGIN), then bulk
 * rows into DATABASE_URL. Prints the variables the api-reads suite needs.
 *
 *   npm run load:seed -- --contacts 200000 --campaigns 40 --messages 25000
 *   (API_URL=http://localhost:4000 DATABASE_URL=postgres://… LOAD_EMAIL=… LOAD_PASSWORD=…)
 */
import { parseArgs } from 'node:util';
import { findRepoRoot, readStackEnvFile } from '@dbulk/config';
import { seedDataset } from './dataset.ts';
import { seedEnv } from './env.ts';
import { signUpOwner } from './sign-up.ts';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '200000' },
    campaigns: { type: 'string', default: '40' },
    messages: { type: 'string', default: '25000' },
  },
});
const env = { ...readStackEnvFile(findRepoRoot()), ...seedEnv() };
const email = env.LOAD_EMAIL || `load-reads-${Date.now().toString(36)}@example.test`;
const password = env.LOAD_PASSWORD || 'load-reads-password';
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (and .data/stack.env has none)');

const t0 = Date.now();
const tenantId = await signUpOwner(env.API_URL || 'http://localhost:4000', env.ORIGIN, email, password);
const size = { contacts: Number(values.contacts), campaigns: Number(values.campaigns), messagesPerCampaign: Number(values.messages) };
console.error(`seeding tenant ${tenantId}: ${size.contacts} contacts, ${size.campaigns} campaigns × ${size.messagesPerCampaign} messages`);
await seedDataset(env.DATABASE_URL, tenantId, size);
console.error(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s; run the suite with:`);
console.log(`LOAD_EMAIL=${email} LOAD_PASSWORD=${password}`);
