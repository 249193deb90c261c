import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD` (the report checks it is a real date). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .meta({ examples: ['2026-07-01'] });

/** Whole days, both ends included; at most 400 days (checked by the report). */
export const BillingPeriod = z.object({ from: Day, to: Day });
