/**
 * The processor's small HTTP side: `/healthz` (the process is alive), `/readyz` (the consumer
 * is in its group and PostgreSQL answers) and `/metrics` — the shared probe app of @dbulk/lifecycle.
 */
import { buildProbeApp, type ProbeAppDeps } from '@dbulk/lifecycle';
import type { ReadyReport } from './processor';

export type ProcessorAppDeps = ProbeAppDeps<ReadyReport>;

export const buildApp = (deps: ProcessorAppDeps) => buildProbeApp(deps);

export type ProcessorApp = Awaited<ReturnType<typeof buildApp>>;
