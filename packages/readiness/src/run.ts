/**
 * One readiness run: sign-in sessions, the five phases in order (each records its steps and
 * never throws past the recorder), then the verdict and the details per phase.
 */
import { randomBytes } from 'node:crypto';
import { PROFILES, Undo, type Profile, type RunContext } from './context';
import type { ReadinessConfig } from './env';
import { adminClient, Session, tenantClient } from './http';
import { campaignPhase } from './phases/campaign';
import { connectionPhase } from './phases/connection';
import { safetyPhase } from './phases/safety';
import { templatePhase } from './phases/template';
import { webhooksPhase } from './phases/webhooks';
import { Recorder, type PhaseResult, type Print } from './report';
import { SandboxControl } from './sandbox-control';
import { decideVerdict, type Verdict } from './verdict';

export interface ReadinessReport extends Verdict {
  run: string;
  startedAt: string;
  seconds: number;
  target: { apiUrl: string; ingestUrl: string; sandboxUrl: string | null; profile: Profile['name'] };
  phases: PhaseResult[];
}

export async function runReadiness(config: ReadinessConfig, profileName: Profile['name'], print: Print, undo = new Undo()): Promise<ReadinessReport> {
  const base = PROFILES[profileName];
  const profile: Profile = {
    ...base,
    mainRecipients: config.recipients ?? base.mainRecipients,
    stepTimeoutMs: config.stepTimeoutSeconds ? config.stepTimeoutSeconds * 1000 : config.real ? 600_000 : base.stepTimeoutMs,
    pauseRate: config.real ? 1 : base.pauseRate,
  };
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const started = Date.now();
  const rec = new Recorder(print);
  const tenantSession = new Session(config.origin);
  const adminSession = new Session(config.origin);
  const ctx: RunContext = {
    config, profile, run, rec, print, tenantSession,
    tenant: tenantClient(config.apiUrl, tenantSession),
    admin: config.admin ? adminClient(config.apiUrl, adminSession) : null,
    sandbox: config.sandboxUrl ? new SandboxControl(config.sandboxUrl) : null,
    shared: {},
    undo,
  };
  print(`dbulk readiness run ${run}: ${config.mode === 'real' ? `REAL WABA ${config.real!.phoneNumberId}, messaging only ${config.real!.recipients.join(', ')}` : `sandbox ${config.sandboxUrl}`} via ${config.apiUrl} (profile ${profileName})`);
  for (const phase of [connectionPhase, templatePhase, campaignPhase, webhooksPhase, safetyPhase]) {
    try {
      await phase(ctx);
    } catch (err) {
      // A phase's own bookkeeping failed (not a step): recorded as a failed step of that phase.
      await rec.step('phase ran to the end', async () => {
        throw err;
      }).catch(() => undefined);
    }
  }
  rec.endPhase();
  const verdict = decideVerdict(config.mode, rec.phases);
  print(`verdict: ${verdict.production_readiness}`);
  return {
    ...verdict,
    run,
    startedAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    target: { apiUrl: config.apiUrl, ingestUrl: config.ingestUrl, sandboxUrl: config.sandboxUrl, profile: profileName },
    phases: rec.phases,
  };
}
