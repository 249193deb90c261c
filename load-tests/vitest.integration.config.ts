import { integrationConfig } from '../vitest.shared.ts';

export default integrationConfig(import.meta.dirname, {
  include: ['runner/**/*.integration.test.ts'],
  testTimeout: 150_000,
});
