/**
 * The runner's environment: the same variables the k6 suites read through __ENV (lib/config.ts).
 * Against `scripts/dev`, ingest's META_APP_SECRET lives in .data/dev-secrets.env; it is used
 * when the environment does not name one. Read once here (STYLE.md: process.env only in env.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnvFile } from '@dbulk/config';

export function runnerEnv(root: string): Record<string, string | undefined> {
  const file = path.join(root, '.data', 'dev-secrets.env');
  const devSecret = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')).META_APP_SECRET : undefined;
  return { ...(devSecret ? { META_APP_SECRET: devSecret } : {}), ...process.env };
}
