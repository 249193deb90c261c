import { describe, expect, it } from 'vitest';
import { usAreaCodes } from './us-numbers';

describe('US area codes', () => {
  it('keeps US area codes and leaves Canada and the Caribbean out', () => {
    const samples = [
      { npa: '212', phone: '+12125550123' }, // New York
      { npa: '415', phone: '+14155550123' }, // San Francisco
      { npa: '416', phone: '+14165550123' }, // Toronto
      { npa: '604', phone: '+16045550123' }, // Vancouver
      { npa: '876', phone: '+18765550123' }, // Jamaica
    ];
    expect(usAreaCodes(samples)).toEqual(['212', '415']);
  });
});
