import { describe, expect, it } from 'vitest';
import { canEditOptOuts, formatKeywords, parseKeywords } from './keywords';

describe('opt-out keywords field', () => {
  it('reads one keyword per line or comma, trimmed, without repeats', () => {
    expect(parseKeywords(' Stop \n\nBAJA, baja,  opt   out\nArrêt\n')).toEqual(['Stop', 'BAJA', 'opt out', 'Arrêt']);
    expect(parseKeywords('  \n , ')).toEqual([]);
  });

  it('writes the list back one per line', () => {
    expect(parseKeywords(formatKeywords(['STOP', 'BAJA']))).toEqual(['STOP', 'BAJA']);
  });

  it('lets owners and admins edit', () => {
    expect(['owner', 'admin', 'member', 'viewer'].map(canEditOptOuts)).toEqual([true, true, false, false]);
  });
});
