import { describe, expect, it } from 'vitest';
import { loadSandboxEnv } from './env';

describe('sandbox env', () => {
  it('works with no configuration and enables control outside production', () => {
    const env = loadSandboxEnv({});
    expect(env).toMatchObject({ PORT: 4010, SANDBOX_WABA_ID: '100000000000001', SANDBOX_PHONE_NUMBER_ID: '100000000000002', SANDBOX_TOKEN: 'sandbox-token', appId: '100000000000000', controlEnabled: true });
    expect(env.SANDBOX_NON_WHATSAPP_PREFIXES).toEqual(['155599']);
  });

  it('turns control off in production unless asked for', () => {
    expect(loadSandboxEnv({ NODE_ENV: 'production' }).controlEnabled).toBe(false);
    expect(loadSandboxEnv({ NODE_ENV: 'production', SANDBOX_CONTROL: 'true' }).controlEnabled).toBe(true);
  });

  it('takes META_APP_ID as the app id and "never" as no read receipts', () => {
    const env = loadSandboxEnv({ META_APP_ID: '123456789', SANDBOX_READ_DELAY_MS: 'never' });
    expect([env.appId, env.SANDBOX_READ_DELAY_MS]).toEqual(['123456789', null]);
  });

  it('names a bad variable', () => {
    expect(() => loadSandboxEnv({ SANDBOX_MESSAGING_LIMIT_TIER: 'TIER_3' })).toThrow(/SANDBOX_MESSAGING_LIMIT_TIER/);
  });
});
