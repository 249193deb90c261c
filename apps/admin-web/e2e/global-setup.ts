/**
 * Vitest globalSetup for the admin browser tests: start the stack once, create a platform admin
 * with the api's own CLI (`node apps/api/dist/cli.js create-admin`), tear everything down after.
 * @see https://vitest.dev/config/#globalsetup
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT, run, startWebStack } from '@dbulk/testing/e2e';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
    admin: { email: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  const stack = await startWebStack({ appDir: path.resolve(import.meta.dirname, '..'), appName: 'admin-web', trpcPath: '/trpc/admin' });
  const admin = { email: `admin-${randomUUID().slice(0, 8)}@example.test`, password: `admin-${randomUUID()}` };
  try {
    await run(
      process.execPath,
      [path.join(REPO_ROOT, 'apps/api/dist/cli.js'), 'create-admin', '--email', admin.email, '--password', admin.password, '--name', 'Ada Admin'],
      { cwd: REPO_ROOT, env: stack.apiEnv, timeoutMs: 60_000 },
    );
  } catch (err) {
    await stack.stop();
    throw err;
  }
  project.provide('webUrl', stack.webUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('admin', admin);
  return () => stack.stop();
}
