/** Meta's webhook fixtures shared by the whole project (../shared/meta/fixtures), signed for tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '@dbulk/config';
import { signPayload } from '@dbulk/meta';

function fixturesDir(): string {
  // shared/ lies beside the repository (in CI too); /work/shared when the repo is a worktree elsewhere.
  const candidates = [path.join(findRepoRoot(), '..', 'shared', 'meta', 'fixtures'), '/work/shared/meta/fixtures'];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`Meta fixtures not found in ${candidates.join(' or ')}`);
  return found;
}

export const FIXTURES_DIR = fixturesDir();

export interface Fixture {
  name: string;
  body: Buffer;
  parsed: unknown;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const body = readFileSync(path.join(FIXTURES_DIR, name));
      return { name, body, parsed: JSON.parse(body.toString('utf8')) as unknown };
    });
}

export const signed = (secret: string, body: Buffer | string) => ({
  'content-type': 'application/json',
  'x-hub-signature-256': signPayload(secret, body),
  'user-agent': 'facebookexternalua',
});
