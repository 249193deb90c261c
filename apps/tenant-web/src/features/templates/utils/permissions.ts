/** Members and up write, submit and delete templates (the api enforces the same); viewers read. */
export function canWriteTemplates(role: string): boolean {
  return role === 'owner' || role === 'admin' || role === 'member';
}
