import { unitConfig } from '../../vitest.shared.ts';

// Rendering the chart spawns helm; a cold first run builds it (scripts/lib/ensure-helm.sh).
export default unitConfig(import.meta.dirname, { testTimeout: 30_000, hookTimeout: 240_000 });
