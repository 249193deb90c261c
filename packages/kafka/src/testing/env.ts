/**
 * Where the tests' broker is: KAFKA_BROKERS, or else the `.data/stack.env` that `scripts/stack up`
 * writes at the repo root. Tests never start a broker of their own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function repoRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Reads `NAME=value` lines (optionally `export`ed and quoted) from a shell env file. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) values[match[1]!] = match[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

export function stackEnvPath(): string {
  return path.join(repoRoot(), '.data', 'stack.env');
}

export function testBrokers(): string[] {
  let raw = process.env.KAFKA_BROKERS;
  if (!raw && existsSync(stackEnvPath())) raw = parseEnvFile(readFileSync(stackEnvPath(), 'utf8')).KAFKA_BROKERS;
  if (!raw) throw new Error(`KAFKA_BROKERS is not set and ${stackEnvPath()} has none: run scripts/stack up`);
  return raw.split(',').map((broker) => broker.trim()).filter(Boolean);
}

export function testLogLevel(): string {
  return process.env.TEST_LOG_LEVEL ?? 'error';
}
