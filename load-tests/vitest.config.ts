import path from 'node:path';
import { unitConfig } from '../vitest.shared.ts';

const stub = path.join(import.meta.dirname, 'test', 'k6-stub.ts');

// The scenario files import k6's modules, which exist only inside the k6 binary: the unit tests
// load them against a stub to read their real `options`.
export default unitConfig(import.meta.dirname, {
  include: ['lib/**/*.test.ts', 'runner/**/*.test.ts', 'test/**/*.test.ts'],
  exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
  alias: [{ find: /^k6(\/.*)?$/, replacement: stub }],
});
