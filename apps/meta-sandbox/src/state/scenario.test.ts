import { describe, expect, it } from 'vitest';
import { applyScenarioPatch, defaultScenario, ScenarioPatchSchema } from './scenario';

describe('scenario patches', () => {
  it('merges nested objects one level down and replaces arrays', () => {
    const patch = ScenarioPatchSchema.parse({ delays: { readMs: null }, nonWhatsAppPrefixes: ['4470'] });
    const next = applyScenarioPatch(defaultScenario(), patch);
    expect(next.delays).toEqual({ sentMs: 300, deliveredMs: 800, readMs: null });
    expect(next.nonWhatsAppPrefixes).toEqual(['4470']);
  });

  it('turns the pair limit off with null and back on with a partial object', () => {
    const off = applyScenarioPatch(defaultScenario(), { pairLimit: null });
    expect(off.pairLimit).toBeNull();
    expect(() => applyScenarioPatch(off, { pairLimit: { burst: 3 } })).toThrow();
    const on = applyScenarioPatch(defaultScenario(), { pairLimit: { burst: 3 } });
    expect(on.pairLimit).toEqual({ intervalMs: 6_000, burst: 3, burstWindowMs: 6_000 });
  });

  it('rejects unknown knobs and out-of-range rates', () => {
    expect(ScenarioPatchSchema.safeParse({ duplicates: true }).success).toBe(false);
    expect(ScenarioPatchSchema.safeParse({ duplicateRate: 2 }).success).toBe(false);
  });
});
