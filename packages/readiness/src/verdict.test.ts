import { describe, expect, it } from 'vitest';
import type { PhaseName, PhaseResult, StepStatus } from './report';
import { decideVerdict, DELIVERED_STEP, exitCodeOf, REQUIRED_SAFETY_STEPS, THROTTLING_STEP } from './verdict';

const step = (name: string, status: StepStatus = 'pass') => ({ name, status, ms: 1, detail: {} });
const phase = (name: PhaseName, steps = [step(`${name} step`)]): PhaseResult => ({ phase: name, ms: 1, steps });

function allPassing(): PhaseResult[] {
  return [
    phase('connection'),
    phase('template'),
    phase('campaign', [step('campaign started'), step(DELIVERED_STEP)]),
    phase('webhooks'),
    phase('safety', REQUIRED_SAFETY_STEPS.map((n) => step(n))),
  ];
}

function withStep(phases: PhaseResult[], name: PhaseName, stepName: string, status: StepStatus): PhaseResult[] {
  return phases.map((p) => (p.phase !== name ? p : { ...p, steps: p.steps.map((s) => (s.name === stepName ? { ...s, status } : s)) }));
}

describe('decideVerdict', () => {
  it('passes production only when a real WABA passed every phase', () => {
    expect(decideVerdict('real', allPassing())).toMatchObject({
      production_readiness: 'PASS', real_waba_connected: true, template_approved: true, real_messages_delivered: true,
      webhooks_working: true, campaign_engine_verified: true, safe_for_deployment: true, ready_for_build_and_deploy: true,
    });
  });

  it('never claims a real WABA or real deliveries against the sandbox, and is not ready to deploy', () => {
    const v = decideVerdict('sandbox', allPassing());
    expect(v).toMatchObject({ production_readiness: 'SANDBOX_PASS', real_waba_connected: false, real_messages_delivered: false, ready_for_build_and_deploy: false, campaign_engine_verified: true, safe_for_deployment: true });
    expect(v.explanation[0]).toContain('false by definition');
  });

  it('fails a criterion when one of its steps fails, and names the step', () => {
    const v = decideVerdict('real', withStep(allPassing(), 'webhooks', 'webhooks step', 'fail'));
    expect(v.webhooks_working).toBe(false);
    expect(v.production_readiness).toBe('FAIL');
    expect(v.ready_for_build_and_deploy).toBe(false);
    expect(v.explanation).toContain('webhooks / webhooks step: failed');
  });

  it('treats a skipped step as unproven', () => {
    const v = decideVerdict('sandbox', withStep(allPassing(), 'template', 'template step', 'skip'));
    expect(v.template_approved).toBe(false);
    expect(v.production_readiness).toBe('FAIL');
  });

  it('accepts a skipped throttling step only against a real WABA', () => {
    const skipped = withStep(allPassing(), 'safety', THROTTLING_STEP, 'skip');
    expect(decideVerdict('real', skipped).safe_for_deployment).toBe(true);
    expect(decideVerdict('sandbox', skipped).safe_for_deployment).toBe(false);
  });

  it.each(REQUIRED_SAFETY_STEPS.filter((n) => n !== THROTTLING_STEP))('is not safe when "%s" was skipped', (name) => {
    expect(decideVerdict('real', withStep(allPassing(), 'safety', name, 'skip')).safe_for_deployment).toBe(false);
  });

  it('is not safe when a required safety step is missing, even if the rest passed', () => {
    const phases = allPassing().map((p) => (p.phase === 'safety' ? { ...p, steps: p.steps.slice(1) } : p));
    expect(decideVerdict('real', phases).safe_for_deployment).toBe(false);
  });

  it('does not count messages as delivered when the delivery step failed', () => {
    const v = decideVerdict('real', withStep(allPassing(), 'campaign', DELIVERED_STEP, 'fail'));
    expect(v).toMatchObject({ real_messages_delivered: false, campaign_engine_verified: false, production_readiness: 'FAIL' });
  });

  it('fails when a phase did not run at all', () => {
    const v = decideVerdict('real', allPassing().filter((p) => p.phase !== 'webhooks'));
    expect(v.webhooks_working).toBe(false);
    expect(v.explanation).toContain('webhooks phase did not run');
  });

  it('fails an empty phase', () => {
    const v = decideVerdict('sandbox', allPassing().map((p) => (p.phase === 'campaign' ? { ...p, steps: [] } : p)));
    expect(v.campaign_engine_verified).toBe(false);
  });
});

describe('exitCodeOf', () => {
  it('is 0 for PASS, 2 for a sandbox pass, 1 for a failure', () => {
    expect(exitCodeOf(decideVerdict('real', allPassing()))).toBe(0);
    expect(exitCodeOf(decideVerdict('sandbox', allPassing()))).toBe(2);
    expect(exitCodeOf(decideVerdict('sandbox', []))).toBe(1);
  });

  it('lets sandbox-test succeed on a sandbox pass', () => {
    expect(exitCodeOf(decideVerdict('sandbox', allPassing()), { sandboxIsEnough: true })).toBe(0);
    expect(exitCodeOf(decideVerdict('sandbox', []), { sandboxIsEnough: true })).toBe(1);
  });
});
