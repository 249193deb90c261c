import { describe, expect, it } from 'vitest';
import { ConfigError } from '@dbulk/config';
import { loadReadinessConfig } from './env';

const real = {
  READINESS_ACCESS_TOKEN: 'EAAG-real-token',
  READINESS_WABA_ID: '102290129340398',
  READINESS_PHONE_NUMBER_ID: '106540352242922',
  READINESS_TENANT_EMAIL: 'owner@example.com',
  READINESS_TENANT_PASSWORD: 'secret-password',
  READINESS_TEST_RECIPIENTS: '+4915112345678, +14155550123',
};

describe('loadReadinessConfig', () => {
  it('defaults to the local sandbox and the api origin', () => {
    const c = loadReadinessConfig({});
    expect(c).toMatchObject({ mode: 'sandbox', apiUrl: 'http://localhost:4000', origin: 'http://localhost:4000', sandboxUrl: 'http://localhost:4010', real: null, tenant: null, admin: null });
  });

  it('switches to real mode with an access token and messages only the given recipients', () => {
    const c = loadReadinessConfig(real);
    expect(c.mode).toBe('real');
    expect(c.sandboxUrl).toBeNull();
    expect(c.real).toMatchObject({ recipients: ['+4915112345678', '+14155550123'], templateName: 'hello_world', templateLanguage: 'en_US' });
  });

  it('refuses real mode without test recipients', () => {
    expect(() => loadReadinessConfig({ ...real, READINESS_TEST_RECIPIENTS: '' })).toThrow(/READINESS_TEST_RECIPIENTS is required/);
  });

  it('refuses recipients that are not E.164', () => {
    expect(() => loadReadinessConfig({ ...real, READINESS_TEST_RECIPIENTS: '015112345678' })).toThrow(ConfigError);
  });

  it('refuses real mode without tenant credentials', () => {
    expect(() => loadReadinessConfig({ ...real, READINESS_TENANT_PASSWORD: undefined })).toThrow(/READINESS_TENANT_PASSWORD/);
  });

  it('keeps sandbox-test away from real credentials', () => {
    expect(() => loadReadinessConfig(real, { sandboxOnly: true })).toThrow(/never talks to a real WABA/);
  });

  it('uses the given Origin for the CSRF check', () => {
    expect(loadReadinessConfig({ READINESS_ORIGIN: 'https://app.example.com/x' }).origin).toBe('https://app.example.com');
  });
});
