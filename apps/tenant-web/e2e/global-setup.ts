/**
 * Vitest globalSetup for the browser tests: start the stack once, hand its URLs to the tests,
 * tear it down afterwards.
 * @see https://vitest.dev/config/#globalsetup
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWebStack } from './support/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stack = await startWebStack({ appDir: path.resolve(import.meta.dirname, '..'), appName: 'tenant-web' });
  project.provide('webUrl', stack.webUrl);
  project.provide('apiUrl', stack.apiUrl);
  return () => stack.stop();
}
