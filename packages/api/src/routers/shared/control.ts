/**
 * Operator decisions on `dbulk.control`, produced after the change committed so every sender
 * applies it within a second. A failed produce is logged, not thrown: senders re-read the
 * database every second, so the decision still lands, a second later.
 */
import { controlScope, type ControlRecord } from '@dbulk/kafka';
import type { Context } from '../../context';

export async function publishControl(ctx: Pick<Context, 'producer' | 'logger'>, record: ControlRecord): Promise<void> {
  try {
    await ctx.producer.send('dbulk.control', [{ key: controlScope(record), value: record }]);
  } catch (err) {
    ctx.logger.warn({ err, record }, 'control record not produced; senders pick the change up from the database within a second');
  }
}
