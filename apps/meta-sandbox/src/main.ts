/**
 * Starts the sandbox: parse the environment, build, listen, print the default account so a
 * developer can copy it. On SIGTERM/SIGINT: stop accepting, finish in-flight requests and
 * webhook POSTs (bounded), exit 0.
 * @see https://fastify.dev/docs/latest/Guides/Recommendations/
 */
import { ConfigError } from '@dbulk/config';
import { createLogger, type Logger } from '@dbulk/logger';
import { buildApp, type SandboxApp } from './app';
import { defaultScenario } from './state/scenario';
import { loadSandboxEnv, type SandboxEnv } from './env';

const DRAIN_TIMEOUT_MS = 10_000;

async function start(env: SandboxEnv, logger: Logger): Promise<SandboxApp> {
  const app = await buildApp({
    logger,
    control: env.controlEnabled,
    appId: env.appId,
    appSecret: env.META_APP_SECRET,
    seed: env.SANDBOX_SEED,
    defaults: {
      businessId: env.SANDBOX_BUSINESS_ID,
      wabaId: env.SANDBOX_WABA_ID,
      phoneNumberId: env.SANDBOX_PHONE_NUMBER_ID,
      displayPhoneNumber: env.SANDBOX_DISPLAY_PHONE_NUMBER,
      verifiedName: env.SANDBOX_VERIFIED_NAME,
      token: env.SANDBOX_TOKEN,
      messagingLimitTier: env.SANDBOX_MESSAGING_LIMIT_TIER,
      throughputLevel: env.SANDBOX_THROUGHPUT_LEVEL,
    },
    scenario: defaultScenario({
      webhookUrl: env.SANDBOX_WEBHOOK_URL ?? null,
      delays: { sentMs: env.SANDBOX_SENT_DELAY_MS, deliveredMs: env.SANDBOX_DELIVERED_DELAY_MS, readMs: env.SANDBOX_READ_DELAY_MS },
      approvalDelayMs: env.SANDBOX_APPROVAL_DELAY_MS,
      pricingModel: env.SANDBOX_PRICING_MODEL,
      nonWhatsAppPrefixes: env.SANDBOX_NON_WHATSAPP_PREFIXES,
    }),
  });
  const url = await app.listen({ host: env.HOST, port: env.PORT });
  logger.info(
    {
      url,
      graphUrl: url,
      wabaId: env.SANDBOX_WABA_ID,
      phoneNumberId: env.SANDBOX_PHONE_NUMBER_ID,
      displayPhoneNumber: env.SANDBOX_DISPLAY_PHONE_NUMBER,
      businessId: env.SANDBOX_BUSINESS_ID,
      appId: env.appId,
      webhookUrl: env.SANDBOX_WEBHOOK_URL ?? null,
      control: env.controlEnabled,
    },
    `meta-sandbox listening on ${url}; default account WABA ${env.SANDBOX_WABA_ID}, phone number ${env.SANDBOX_PHONE_NUMBER_ID} (${env.SANDBOX_DISPLAY_PHONE_NUMBER}), token "${env.SANDBOX_TOKEN}"`,
  );
  if (!env.SANDBOX_WEBHOOK_URL) logger.warn('SANDBOX_WEBHOOK_URL is not set: webhooks are recorded in /_sandbox/webhooks but not posted');
  return app;
}

async function shutdown(app: SandboxApp, logger: Logger, signal: string): Promise<void> {
  logger.info({ signal }, 'draining');
  const deadline = setTimeout(() => {
    logger.warn({ timeoutMs: DRAIN_TIMEOUT_MS }, 'still draining at the deadline, exiting');
    process.exit(0);
  }, DRAIN_TIMEOUT_MS);
  deadline.unref();
  await app.close();
  app.sandbox.clock.cancelAll();
  await app.sandbox.emitter.idle();
  logger.info('stopped');
  process.exit(0);
}

let env: SandboxEnv;
try {
  env = loadSandboxEnv();
} catch (err) {
  console.error(err instanceof ConfigError ? `meta-sandbox: ${err.message}` : err);
  process.exit(1);
}
const logger = createLogger({ name: 'meta-sandbox', level: env.LOG_LEVEL });
start(env, logger).then(
  (app) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void shutdown(app, logger, signal));
  },
  (err: unknown) => {
    logger.fatal({ err }, `meta-sandbox failed to start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
