import { integrationConfig } from '../../vitest.shared.ts';

// The whole stack as processes plus a sandbox run: bounded at 3 minutes by the test itself.
export default integrationConfig(import.meta.dirname, { testTimeout: 200_000, hookTimeout: 120_000 });
