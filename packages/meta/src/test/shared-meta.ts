/**
 * Paths to ../shared/meta (Meta facts and webhook fixtures), which sits beside the repository
 * both here (/work/shared beside /work/main) and in CI (<clone>/../shared).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SHARED_META_DIR = path.resolve(import.meta.dirname, '../../../../../shared/meta');
export const FIXTURES_DIR = path.join(SHARED_META_DIR, 'fixtures');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json')).sort();
}

export function readFixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIR, name));
}

/** The codes in the first column of README §4's table ("200–299" yields 200 and 299). */
export function readmeErrorCodes(): number[] {
  const readme = readFileSync(path.join(SHARED_META_DIR, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## 4. Error codes'), readme.indexOf('## 5.'));
  const codes: number[] = [];
  for (const line of section.split('\n')) {
    const match = /^\| (\d+)(?:[–-](\d+))? \|/.exec(line);
    if (match) codes.push(Number(match[1]), ...(match[2] ? [Number(match[2])] : []));
  }
  return codes;
}
