import { integrationConfig } from '../../vitest.shared.ts';

export default integrationConfig(import.meta.dirname, {
  include: ['e2e/**/*.integration.test.ts'],
  globalSetup: ['e2e/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
});
