import { describe, expect, it } from 'vitest';
import { canDraftCampaigns, canRunCampaigns } from './permissions';

describe('campaign permissions (mirroring the api)', () => {
  it('lets members draft but only owners and admins start, pause, resume or cancel', () => {
    expect(['owner', 'admin', 'member', 'viewer'].map(canDraftCampaigns)).toEqual([true, true, true, false]);
    expect(['owner', 'admin', 'member', 'viewer'].map(canRunCampaigns)).toEqual([true, true, false, false]);
  });
});
