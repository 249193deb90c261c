import { describe, expect, it } from 'vitest';
import { Recorder, SkipStep, StepFailure } from './report';

describe('Recorder', () => {
  it('records passed, skipped and failed steps with their details, never throwing', async () => {
    const lines: string[] = [];
    const rec = new Recorder((l) => lines.push(l));
    rec.phase('campaign');
    expect(await rec.step('a', async () => ({ value: 42, detail: { n: 1 } }))).toBe(42);
    expect(await rec.step('b', async () => 'plain')).toBe('plain');
    expect(await rec.step('c', async () => { throw new SkipStep('no admin'); })).toBeUndefined();
    expect(await rec.step('d', async () => { throw new StepFailure('3 failed', { failed: 3 }); })).toBeUndefined();
    expect(await rec.step('e', async () => { throw new Error('boom'); })).toBeUndefined();
    rec.endPhase();
    expect(rec.phases[0]!.steps.map((s) => [s.name, s.status, s.error ?? null])).toEqual([
      ['a', 'pass', null], ['b', 'pass', null], ['c', 'skip', 'no admin'], ['d', 'fail', '3 failed'], ['e', 'fail', 'boom'],
    ]);
    expect(rec.phases[0]!.steps[0]!.detail).toEqual({ n: 1 });
    expect(rec.phases[0]!.steps[3]!.detail).toEqual({ failed: 3 });
    expect(lines).toContain('▶ phase campaign');
    expect(lines.some((l) => l.startsWith('  ✘ d') && l.endsWith(': 3 failed'))).toBe(true);
  });

  it('refuses a step outside a phase', async () => {
    await expect(new Recorder(() => undefined).step('x', async () => 1)).rejects.toThrow(/outside a phase/);
  });
});
