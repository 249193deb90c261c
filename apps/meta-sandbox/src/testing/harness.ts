/**
 * Builds a sandbox app for tests: manual clock, fixed seed, silent logger, control API on,
 * the default account of the env defaults. Helpers send with the default token.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@dbulk/logger';
import { buildApp, type AppOptions, type SandboxApp } from '../app';
import { ManualClock } from '../state/clock';
import { defaultScenario, type Scenario } from '../state/scenario';

export const WABA = '100000000000001';
export const PHONE = '100000000000002';
export const TOKEN = 'sandbox-token';
export const APP_SECRET = 'test-app-secret';
export const APP_ID = '100000000000000';

export interface TestApp {
  app: SandboxApp;
  clock: ManualClock;
}

export async function testApp(options: { scenario?: Partial<Scenario> } & Omit<Partial<AppOptions>, 'scenario'> = {}): Promise<TestApp> {
  const clock = new ManualClock();
  const { scenario, ...rest } = options;
  const app = await buildApp({
    logger: createLogger({ name: 'meta-sandbox-test', level: 'silent' }),
    control: true,
    appId: APP_ID,
    appSecret: APP_SECRET,
    seed: 'test-seed',
    clock,
    defaults: { businessId: '100000000000003', wabaId: WABA, phoneNumberId: PHONE, displayPhoneNumber: '15550000001', verifiedName: 'dbulk Sandbox', token: TOKEN },
    scenario: defaultScenario(scenario),
    ...rest,
  });
  return { app, clock };
}

export const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

export function sendTemplate(app: SandboxApp, to: string, name = 'hello_world', extra: Record<string, unknown> = {}, version = 'v25.0') {
  return app.inject({
    method: 'POST',
    url: `/${version}/${PHONE}/messages`,
    headers: auth(),
    payload: { messaging_product: 'whatsapp', to, type: 'template', template: { name, language: { code: 'en_US' }, ...extra } },
  });
}

/** Creates a template through the Graph API and returns its id. */
export async function createTemplate(app: SandboxApp, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `/v25.0/${WABA}/message_templates`, headers: auth(), payload: body });
  if (res.statusCode !== 200) throw new Error(`template create failed: ${res.body}`);
  return (res.json() as { id: string }).id;
}

export const marketingTemplate = (name: string, body = 'Hi {{1}}, our spring collection has arrived. Visit us this week!') => ({
  name,
  language: 'en_US',
  category: 'MARKETING',
  components: [{ type: 'BODY', text: body, example: { body_text: [['Ana']] } }],
});

/** A shared/meta/fixtures file, parsed. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/meta/fixtures', name), 'utf8')) as Record<string, unknown>;
}
