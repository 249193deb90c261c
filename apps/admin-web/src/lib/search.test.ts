import { describe, expect, it } from 'vitest';
import { auditSearchSchema, compactSearch, signInSearchSchema, tenantsSearchSchema } from './search';

describe('admin search schemas', () => {
  it('keeps valid filters', () => {
    const tenantId = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
    expect(auditSearchSchema.parse({ tenantId, action: 'member.' })).toEqual({ tenantId, action: 'member.' });
    expect(tenantsSearchSchema.parse({ q: ' acme ' })).toEqual({ q: 'acme' });
    expect(signInSearchSchema.parse({ redirect: '/audit' })).toEqual({ redirect: '/audit' });
  });

  it('drops values the api would refuse instead of failing the page', () => {
    expect(auditSearchSchema.parse({ tenantId: 'not-a-uuid' })).toEqual({ tenantId: undefined });
    expect(tenantsSearchSchema.parse({ q: 'x'.repeat(500) })).toEqual({ q: undefined });
  });
});

describe('compactSearch', () => {
  it('removes empty filters', () => {
    expect(compactSearch({ tenantId: '', action: ' member ' })).toEqual({ action: 'member' });
    expect(compactSearch({ q: undefined })).toEqual({});
  });
});
