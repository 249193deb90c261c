/**
 * The verdict: pure rules over the recorded phases (docs/PRODUCTION_VALIDATION_GUIDE.md, "Reading
 * the verdict"). A criterion holds when every step that proves it passed; a skipped step proves
 * nothing, except the throttling step against a real WABA, where throttling cannot be injected
 * (it is proven against the sandbox). Only a real WABA proves production: against the sandbox
 * `real_waba_connected` and `real_messages_delivered` are false by definition, so the best a
 * sandbox run can reach is `SANDBOX_PASS`, and `ready_for_build_and_deploy` needs `PASS`.
 */
import type { Mode } from './env';
import type { PhaseName, PhaseResult, StepResult } from './report';

export type Readiness = 'PASS' | 'SANDBOX_PASS' | 'FAIL';

export interface Verdict {
  production_readiness: Readiness;
  real_waba_connected: boolean;
  template_approved: boolean;
  real_messages_delivered: boolean;
  webhooks_working: boolean;
  campaign_engine_verified: boolean;
  safe_for_deployment: boolean;
  ready_for_build_and_deploy: boolean;
  mode: Mode;
  explanation: string[];
}

/** Steps every mode must pass, by phase; the safety steps are named so a renamed step cannot silently drop out. */
export const REQUIRED_SAFETY_STEPS = ['pause stops sending', 'resume completes the campaign', 'throttling adapts the rate without failures', 'kill switch stops sending', 'kill switch release resumes sending'] as const;
export const THROTTLING_STEP = 'throttling adapts the rate without failures';
export const DELIVERED_STEP = 'every message delivered';

const stepsOf = (phases: PhaseResult[], name: PhaseName): StepResult[] => phases.find((p) => p.phase === name)?.steps ?? [];

/** A phase passed: it ran, has at least one step, and every step passed. */
export function phasePassed(phases: PhaseResult[], name: PhaseName): boolean {
  const steps = stepsOf(phases, name);
  return steps.length > 0 && steps.every((s) => s.status === 'pass');
}

function safetyPassed(phases: PhaseResult[], mode: Mode): boolean {
  const steps = stepsOf(phases, 'safety');
  if (steps.some((s) => s.status === 'fail')) return false;
  return REQUIRED_SAFETY_STEPS.every((name) => {
    const step = steps.find((s) => s.name === name);
    if (!step) return false;
    return step.status === 'pass' || (step.status === 'skip' && name === THROTTLING_STEP && mode === 'real');
  });
}

export function decideVerdict(mode: Mode, phases: PhaseResult[]): Verdict {
  const connection = phasePassed(phases, 'connection');
  const template = phasePassed(phases, 'template');
  const campaign = phasePassed(phases, 'campaign');
  const webhooks = phasePassed(phases, 'webhooks');
  const safety = safetyPassed(phases, mode);
  const delivered = stepsOf(phases, 'campaign').find((s) => s.name === DELIVERED_STEP)?.status === 'pass';
  const real = mode === 'real';
  const verdict = {
    real_waba_connected: real && connection,
    template_approved: template,
    real_messages_delivered: real && campaign && delivered,
    webhooks_working: webhooks,
    campaign_engine_verified: campaign,
    safe_for_deployment: safety,
  };
  const provable = connection && template && campaign && webhooks && safety;
  const production_readiness: Readiness = provable ? (real && verdict.real_waba_connected && verdict.real_messages_delivered ? 'PASS' : real ? 'FAIL' : 'SANDBOX_PASS') : 'FAIL';
  const explanation: string[] = [];
  if (!real) explanation.push('sandbox run: real_waba_connected and real_messages_delivered are false by definition; only a run against a real WABA (READINESS_ACCESS_TOKEN) can reach PASS');
  for (const phase of phases)
    for (const step of phase.steps)
      if (step.status === 'fail') explanation.push(`${phase.phase} / ${step.name}: ${step.error ?? 'failed'}`);
      else if (step.status === 'skip') explanation.push(`${phase.phase} / ${step.name} skipped: ${step.error ?? ''}`);
  for (const name of ['connection', 'template', 'campaign', 'webhooks', 'safety'] as const)
    if (!phases.some((p) => p.phase === name)) explanation.push(`${name} phase did not run`);
  return { production_readiness, ...verdict, ready_for_build_and_deploy: production_readiness === 'PASS', mode, explanation };
}

/** Exit codes: 0 ready (PASS, or SANDBOX_PASS when the caller only asks for the sandbox), 2 sandbox-only, 1 failed. */
export function exitCodeOf(verdict: Verdict, { sandboxIsEnough = false } = {}): number {
  if (verdict.production_readiness === 'PASS') return 0;
  if (verdict.production_readiness === 'SANDBOX_PASS') return sandboxIsEnough ? 0 : 2;
  return 1;
}
