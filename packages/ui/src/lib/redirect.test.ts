import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
  it('keeps paths on this site, with their search and hash', () => {
    expect(safeRedirectPath('/members')).toBe('/members');
    expect(safeRedirectPath('/audit?tenantId=t1#top')).toBe('/audit?tenantId=t1#top');
  });

  it('refuses other sites and odd values', () => {
    expect(safeRedirectPath('https://evil.example/')).toBe('/');
    expect(safeRedirectPath('//evil.example/x')).toBe('/');
    expect(safeRedirectPath('/\\evil.example')).toBe('/');
    expect(safeRedirectPath('javascript:alert(1)')).toBe('/');
    expect(safeRedirectPath(undefined, '/tenants')).toBe('/tenants');
    expect(safeRedirectPath(42)).toBe('/');
  });

  it('never loops back to the sign-in pages', () => {
    expect(safeRedirectPath('/sign-in?redirect=/x')).toBe('/');
    expect(safeRedirectPath('/sign-up')).toBe('/');
  });
});
