/**
 * Vitest globalSetup for the browser tests: start the stack once (with the Meta sandbox and the
 * webhook path), hand its URLs to the tests, tear it down afterwards.
 * @see https://vitest.dev/config/#globalsetup
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startWebStack } from '@dbulk/testing/e2e';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
    sandboxUrl: string;
    /** Parts of sandbox → ingest → Kafka → processor that could not start; empty when whole. */
    webhookPathMissing: string[];
  }
}

export default async function setup(project: TestProject) {
  const stack = await startWebStack({ appDir: path.resolve(import.meta.dirname, '..'), appName: 'tenant-web', trpcPath: '/trpc/tenant', whatsapp: true });
  project.provide('webUrl', stack.webUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('sandboxUrl', stack.webhookPath?.sandboxUrl ?? '');
  project.provide('webhookPathMissing', stack.webhookPath?.missing ?? []);
  return () => stack.stop();
}
