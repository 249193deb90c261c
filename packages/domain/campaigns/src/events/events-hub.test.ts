import { describe, expect, it } from 'vitest';
import { groupPart } from './events-hub';

describe('events hub group id', () => {
  it('turns any host name into a kebab-case group part', () => {
    expect(groupPart('api-7f9c-x2.cluster.local-42')).toBe('api-7f9c-x2-cluster-local-42');
    expect(groupPart('MyHost_01-123')).toBe('myhost-01-123');
    expect(groupPart('123-host')).toBe('host');
    expect(groupPart('')).toBe('host');
  });
});
