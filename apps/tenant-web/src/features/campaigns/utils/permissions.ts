/** Members draft campaigns; owners and admins start, pause, resume and cancel them (the api enforces the same). */
export function canDraftCampaigns(role: string): boolean {
  return role === 'owner' || role === 'admin' || role === 'member';
}

export function canRunCampaigns(role: string): boolean {
  return role === 'owner' || role === 'admin';
}
