import { unitConfig } from '../../vitest.shared.ts';

export default unitConfig(import.meta.dirname);
