/**
 * The control API's core: reset, scenario, clock, and what happened (sends, per-recipient
 * summary, webhook deliveries, messaging-limit usage). Registered only when control is enabled
 * (`SANDBOX_CONTROL`); it has no authentication and must never face the internet.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sandbox } from '../sandbox';
import { ScenarioPatchSchema, TIER_LIMITS } from '../state/scenario';
import { controlAccountRoutes } from './control-accounts';
import { controlEventRoutes } from './control-events';
import { parseInput } from './control-input';

const ListQuery = z.object({
  to: z.string().optional(),
  phone_number_id: z.string().optional(),
  outcome: z.string().optional(),
  field: z.string().optional(),
  state: z.string().optional(),
  limit: z.coerce.number().int().min(1).optional(),
});

export function controlRoutes(app: FastifyInstance, sb: Sandbox, defaultPhoneNumberId: string): void {
  app.post('/_sandbox/reset', async () => {
    sb.reset();
    return { reset: true, accounts: [...sb.accounts.phones.values()].map((phone) => ({ phone_number_id: phone.id, waba_id: phone.wabaId })) };
  });

  app.get('/_sandbox/scenario', async () => sb.scenario);
  app.put('/_sandbox/scenario', async (request) => sb.updateScenario(parseInput(ScenarioPatchSchema, request.body)));

  app.post('/_sandbox/clock/advance', async (request) => {
    const { ms } = parseInput(z.object({ ms: z.number().int().min(0) }), request.body);
    await sb.clock.advance(ms);
    return { now: sb.clock.now(), iso: new Date(sb.clock.now()).toISOString(), pending_timers: sb.clock.pending };
  });

  app.get('/_sandbox/sent', async (request) => {
    const query = parseInput(ListQuery, request.query);
    return { data: sb.sends.list({ to: query.to, phoneNumberId: query.phone_number_id, outcome: query.outcome, limit: query.limit }) };
  });
  app.get('/_sandbox/sent/summary', async () => sb.sends.summary());

  app.get('/_sandbox/webhooks', async (request) => {
    const query = parseInput(ListQuery, request.query);
    return { counts: sb.deliveries.counts(), data: sb.deliveries.list({ field: query.field, state: query.state, limit: query.limit }) };
  });
  /** Posts the batching buffer now, and waits for every POST in flight. */
  app.post('/_sandbox/webhooks/flush', async () => {
    sb.emitter.flush();
    await sb.emitter.idle();
    return { counts: sb.deliveries.counts() };
  });

  app.get('/_sandbox/limits', async () => {
    const now = sb.clock.now();
    return {
      data: [...sb.accounts.portfolios.values()].map((portfolio) => {
        const tier = sb.scenario.messagingLimitTier ?? portfolio.messagingLimitTier;
        const limit = TIER_LIMITS[tier];
        return {
          business_id: portfolio.id,
          tier,
          limit: Number.isFinite(limit) ? limit : null,
          unique_recipients_24h: sb.rates.used(portfolio.id, now),
          dropped: sb.rates.dropped.get(portfolio.id) ?? 0,
        };
      }),
    };
  });

  controlAccountRoutes(app, sb);
  controlEventRoutes(app, sb, defaultPhoneNumberId);
}
