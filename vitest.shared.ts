/**
 * One place for the vitest settings every project shares; each project's vitest.config.ts
 * calls `unitConfig` or `integrationConfig` with its own directory.
 * Every run also writes a JSON report under test-output/results so scripts/test-all can
 * print one `tests: N passed, N failed` line summed over all suites.
 * @see https://vitest.dev/config/
 */
import path from 'node:path';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const root = import.meta.dirname;

function report(dir: string, kind: string) {
  const name = path.relative(root, dir).replaceAll(path.sep, '__');
  return {
    reporters: ['default', 'json'],
    outputFile: { json: path.join(root, 'test-output', 'results', `${name}.${kind}.json`) },
  };
}

export function unitConfig(dir: string, extra: ViteUserConfig['test'] = {}) {
  return defineConfig({
    root: dir,
    test: {
      include: ['src/**/*.test.{ts,tsx}'],
      exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
      passWithNoTests: true,
      ...report(dir, 'unit'),
      ...extra,
    },
  });
}

/** Integration tests run against the real PostgreSQL and Kafka of scripts/stack, one file at a time. */
export function integrationConfig(dir: string, extra: ViteUserConfig['test'] = {}) {
  return defineConfig({
    root: dir,
    test: {
      include: ['src/**/*.integration.test.ts', 'e2e/**/*.integration.test.ts'],
      passWithNoTests: true,
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      ...report(dir, 'integration'),
      ...extra,
    },
  });
}
