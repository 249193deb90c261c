import { describe, expect, it } from 'vitest';
import { canWriteTemplates } from './permissions';

describe('canWriteTemplates', () => {
  it('lets members and up write templates, viewers only read', () => {
    expect(['owner', 'admin', 'member', 'viewer'].map(canWriteTemplates)).toEqual([true, true, true, false]);
  });
});
