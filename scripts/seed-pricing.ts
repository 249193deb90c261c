/**
 * Loads the rate card dbulk ships (packages/domain/billing/data/rate-card.csv) into pricing_rates.
 * Idempotent: a second run writes nothing. scripts/stack up runs it after the migrations, for
 * DATABASE_URL and DATABASE_URL_TEST. Run: npm run seed:pricing (or DATABASE_URL=… npx tsx scripts/seed-pricing.ts)
 */
import { createOrm } from '@dbulk/db';
import { readStackEnvFile } from '@dbulk/config';
import { seedRateCard } from '@dbulk/domain-billing';

const env = { ...readStackEnvFile(), ...process.env };
const url = env.DATABASE_URL;
if (!url)
  throw new Error('DATABASE_URL is not set and .data/stack.env is missing: run scripts/stack up first');

const orm = await createOrm({ url, poolMax: 2 });
try {
  const result = await seedRateCard(orm.em.fork());
  const where = new URL(url);
  for (const card of result.cards) {
    console.log(
      `pricing: card ${card.effectiveFrom}: ${card.rows} rates, ${card.written} written${card.created ? ' (new card)' : ''} → ${where.hostname}${where.pathname}`,
    );
  }
} finally {
  await orm.close(true);
}
