#!/usr/bin/env node
// Bundles a Node app for production: `node scripts/lib/build-node.mjs <appDir> <entry...>`
// writes <appDir>/dist/<entry name>.js (ESM, node20, with source maps).
//
// The workspace's @dbulk/* packages are bundled: their package.json exports point at
// TypeScript sources, which Node cannot run. Every other package stays external and is loaded
// from node_modules at run time, so native modules (argon2) and packages that read their own
// files (MikroORM, pino) keep working. A bare import that the root package.json does not
// declare fails the build: it would resolve only by luck of hoisting in the image.
// @see https://esbuild.github.io/api/#build
// @see https://esbuild.github.io/plugins/#on-resolve
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..', '..');
const [appArg, ...entries] = process.argv.slice(2);
if (!appArg || entries.length === 0) {
  console.error('usage: node scripts/lib/build-node.mjs <appDir> <entry.ts...>');
  process.exit(2);
}
const appDir = path.resolve(appArg);
const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const declared = new Set([
  ...Object.keys(rootPackage.dependencies ?? {}),
  ...Object.keys(rootPackage.devDependencies ?? {}),
]);
const builtins = new Set(builtinModules);

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const externals = {
  name: 'dbulk-externals',
  setup(b) {
    // Bare specifiers only: not relative, not absolute.
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtins.has(packageName(args.path)))
        return { path: args.path, external: true };
      const name = packageName(args.path);
      if (name.startsWith('@dbulk/')) return undefined; // bundled from source
      if (declared.has(name)) return { path: args.path, external: true };
      return {
        errors: [
          {
            text: `"${args.path}" (imported by ${path.relative(root, args.importer)}) is not declared in the root package.json`,
          },
        ],
      };
    });
  },
};

const started = Date.now();
const result = await build({
  absWorkingDir: appDir,
  entryPoints: entries,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Bundled code that still calls require() (CommonJS inside a workspace package) needs a real one
  // in an ES module; esbuild's own shim would throw "Dynamic require … is not supported".
  banner: {
    js: "import { createRequire as __dbulkCreateRequire } from 'node:module';\nconst require = __dbulkCreateRequire(import.meta.url);",
  },
  plugins: [externals],
  metafile: true,
  logLevel: 'warning',
});

for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.map')) continue;
  console.log(`${path.relative(root, path.join(appDir, file))}  ${(output.bytes / 1024).toFixed(0)} KiB`);
}
console.log(
  `built ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} in ${Date.now() - started} ms`,
);
