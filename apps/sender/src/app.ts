/**
 * The sender's small HTTP side: `/healthz` (alive), `/readyz` (the send consumer is in its group
 * — unless this is a planner-only process — and PostgreSQL answers), `/metrics` — the shared probe app of @dbulk/lifecycle.
 */
import { buildProbeApp, type ProbeAppDeps } from '@dbulk/lifecycle';

export interface ReadyReport {
  ready: boolean;
  consumer: 'connected' | 'disconnected' | 'off';
  database: 'up' | 'down';
  planner: 'leader' | 'follower' | 'off';
}

export type SenderAppDeps = ProbeAppDeps<ReadyReport>;

export const buildApp = (deps: SenderAppDeps) => buildProbeApp(deps);
