/**
 * The local stack's address book: `scripts/stack up` writes `.data/stack.env` at the repo root.
 * Dev scripts and tests read it when the environment does not already say where things are.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function findRepoRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function parseEnvFile(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && line.includes('='))
    .map((line) => {
      const at = line.indexOf('=');
      return [line.slice(0, at).replace(/^export\s+/, ''), line.slice(at + 1).replace(/^["']|["']$/g, '')] as const;
    });
  return Object.fromEntries(entries);
}

export function readStackEnvFile(root = findRepoRoot()): Record<string, string> {
  const file = path.join(root, '.data', 'stack.env');
  return existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
}
