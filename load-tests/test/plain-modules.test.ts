/**
 * lib/ is shared by k6 and Node, so it may import neither: no `k6/*` (absent in Node), no
 * `node:*` or npm packages (absent in k6). tsconfig.k6.json also fails on Node APIs; this
 * catches the other direction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const lib = path.join(import.meta.dirname, '..', 'lib');
const files = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

it.each(files)('lib/%s imports only other lib modules', (file) => {
  const source = readFileSync(path.join(lib, file), 'utf8');
  const imports = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\/.*\.ts$/);
});
