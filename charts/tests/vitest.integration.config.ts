import { integrationConfig } from '../../vitest.shared.ts';

export default integrationConfig(import.meta.dirname, { testTimeout: 90_000 });
