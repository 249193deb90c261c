/**
 * Control API for accounts: list and create (portfolio + WABA + number + token), change a
 * number or a portfolio, register tokens and expire or invalidate them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Sandbox } from '../sandbox';
import { SCOPES } from '../state/accounts';
import { THROUGHPUT_LEVELS, TierSchema } from '../state/scenario';
import { AccountConflict, createAccount } from '../services/accounts';
import { ControlError, parseInput } from './control-input';

const digits = z.string().regex(/^\d{6,20}$/, 'must be digits');
const Quality = z.enum(['GREEN', 'YELLOW', 'RED', 'NA']);

const CreateAccount = z.object({
  business_id: digits.optional(),
  waba_id: digits.optional(),
  waba_name: z.string().min(1).optional(),
  phone_number_id: digits.optional(),
  display_phone_number: z.string().regex(/^\+?\d{8,15}$/).optional(),
  verified_name: z.string().min(1).optional(),
  access_token: z.string().min(8).optional(),
  scopes: z.array(z.enum(SCOPES)).optional(),
  token_expires_in_seconds: z.number().int().min(0).optional(),
  messaging_limit_tier: TierSchema.optional(),
  throughput_level: z.enum(THROUGHPUT_LEVELS).optional(),
  quality_rating: Quality.optional(),
  subscribed: z.boolean().optional(),
});

const CreateToken = z.object({
  access_token: z.string().min(8).optional(),
  waba_ids: z.array(digits).min(1),
  scopes: z.array(z.enum(SCOPES)).optional(),
  expires_in_seconds: z.number().int().min(0).optional(),
});

export function controlAccountRoutes(app: FastifyInstance, sb: Sandbox): void {
  app.get('/_sandbox/accounts', async () => ({
    portfolios: [...sb.accounts.portfolios.values()],
    wabas: [...sb.accounts.wabas.values()],
    phone_numbers: [...sb.accounts.phones.values()],
    tokens: [...sb.accounts.tokens.values()],
  }));

  app.post('/_sandbox/accounts', async (request, reply) => {
    const input = parseInput(CreateAccount, request.body);
    try {
      const created = createAccount(sb, {
        businessId: input.business_id,
        wabaId: input.waba_id,
        wabaName: input.waba_name,
        phoneNumberId: input.phone_number_id,
        displayPhoneNumber: input.display_phone_number,
        verifiedName: input.verified_name,
        token: input.access_token,
        scopes: input.scopes,
        tokenExpiresInSeconds: input.token_expires_in_seconds,
        messagingLimitTier: input.messaging_limit_tier,
        throughputLevel: input.throughput_level,
        qualityRating: input.quality_rating,
        subscribed: input.subscribed,
      });
      return reply.code(201).send(created);
    } catch (err) {
      if (err instanceof AccountConflict) throw new ControlError(409, err.message);
      throw err;
    }
  });

  app.patch('/_sandbox/phone-numbers/:id', async (request) => {
    const phone = sb.accounts.phones.get((request.params as { id: string }).id);
    if (!phone) throw new ControlError(404, 'no such phone number');
    const input = parseInput(
      z.object({ quality_rating: Quality.optional(), status: z.enum(['CONNECTED', 'PENDING', 'DISCONNECTED', 'FLAGGED', 'RESTRICTED']).optional(), throughput_level: z.enum(THROUGHPUT_LEVELS).optional(), verified_name: z.string().min(1).optional() }),
      request.body,
    );
    Object.assign(phone, {
      qualityRating: input.quality_rating ?? phone.qualityRating,
      status: input.status ?? phone.status,
      throughputLevel: input.throughput_level ?? phone.throughputLevel,
      verifiedName: input.verified_name ?? phone.verifiedName,
    });
    return phone;
  });

  app.patch('/_sandbox/portfolios/:id', async (request) => {
    const portfolio = sb.accounts.portfolios.get((request.params as { id: string }).id);
    if (!portfolio) throw new ControlError(404, 'no such business portfolio');
    const input = parseInput(z.object({ messaging_limit_tier: TierSchema.optional(), verified: z.boolean().optional() }), request.body);
    portfolio.messagingLimitTier = input.messaging_limit_tier ?? portfolio.messagingLimitTier;
    portfolio.verified = input.verified ?? portfolio.verified;
    return portfolio;
  });

  app.post('/_sandbox/tokens', async (request, reply) => {
    const input = parseInput(CreateToken, request.body);
    const unknown = input.waba_ids.find((id) => !sb.accounts.wabas.has(id));
    if (unknown) throw new ControlError(404, `WABA ${unknown} does not exist in the sandbox`);
    const now = sb.clock.now();
    const token = {
      token: input.access_token ?? `EAAsandbox${sb.ids.hex32()}`,
      userId: sb.ids.numeric(15),
      wabaIds: input.waba_ids,
      scopes: input.scopes ?? [...SCOPES],
      issuedAt: now,
      expiresAt: input.expires_in_seconds ? now + input.expires_in_seconds * 1000 : 0,
      valid: true,
    };
    sb.accounts.addToken(token);
    return reply.code(201).send(token);
  });

  app.patch('/_sandbox/tokens/:token', async (request) => {
    const token = sb.accounts.tokens.get((request.params as { token: string }).token);
    if (!token) throw new ControlError(404, 'no such token');
    const input = parseInput(z.object({ valid: z.boolean().optional(), expires_in_seconds: z.number().int().optional() }), request.body);
    if (input.valid !== undefined) token.valid = input.valid;
    // 0 = never; a negative value makes a token that is already expired.
    if (input.expires_in_seconds !== undefined) token.expiresAt = input.expires_in_seconds === 0 ? 0 : sb.clock.now() + input.expires_in_seconds * 1000;
    return token;
  });
}
