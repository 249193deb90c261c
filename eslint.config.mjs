// @see https://nx.dev/docs/technologies/eslint/eslint-plugin/guides/enforce-module-boundaries
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

/** Nx module boundaries (STYLE.md). `browserTests` lets a web app's e2e folder use node-side test helpers. */
const boundaries = ({ browserTests = false } = {}) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:api', 'type:domain', 'type:data-access', 'type:util', 'type:ui', 'type:testing'] },
    { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:data-access', 'type:testing'] },
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util', 'type:testing'] },
    { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:testing'] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
    { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util', 'type:api'] },
    // Web apps may name only web/shared code; the api package is allowed for its *types* (see the rule below).
    {
      sourceTag: 'platform:web',
      onlyDependOnLibsWithTags: ['platform:web', 'platform:shared', 'scope:api-types', ...(browserTests ? ['type:testing'] : [])],
    },
  ],
});

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/routeTree.gen.ts', 'test-output/**', '**/vite.config.ts.timestamp*'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // STYLE.md: process.env is read only in env.ts files (and scripts/tests/configs).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment in an env.ts file (packages/config schemas).' }],
      '@nx/enforce-module-boundaries': ['error', boundaries()],
    },
  },
  {
    // kafkajs is unmaintained: it stays behind packages/kafka so the client can be swapped (ADR 0002).
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['packages/kafka/**', 'scripts/lib/kafka*'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Use @dbulk/kafka (ADR 0002).' }] }] },
  },
  {
    // Browser tests run in node: they start built apps and drive Chromium with @dbulk/testing/e2e.
    files: ['apps/*-web/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries({ browserTests: true })] },
  },
  {
    // Tool configs import the shared vitest/vite settings by path; they are not product code.
    files: ['**/*.config.ts', '**/*.config.mjs', 'vitest.shared.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/env.ts', 'scripts/**', '**/*.test.ts', '**/*.config.ts', '**/*.config.mjs', 'packages/testing/**', '**/e2e/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['apps/tenant-web/src/**/*.{ts,tsx}', 'apps/admin-web/src/**/*.{ts,tsx}', 'packages/ui/src/**/*.{ts,tsx}', 'packages/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@dbulk/api', allowTypeImports: true, message: 'Web apps import only types from @dbulk/api.' }],
          patterns: [
            { group: ['@mikro-orm/*', 'kafkajs', 'pino', 'pg', 'node:*', '@dbulk/db', '@dbulk/kafka', '@dbulk/logger', '@dbulk/auth', '@dbulk/domain-*'], message: 'Node-only code never reaches the browser.' },
          ],
        },
      ],
    },
  },
];
