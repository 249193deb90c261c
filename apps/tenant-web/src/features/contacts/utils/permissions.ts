/** Members and up add, edit, import and opt contacts out (the api enforces the same); viewers read. */
export function canWriteContacts(role: string): boolean {
  return role === 'owner' || role === 'admin' || role === 'member';
}

/** Deleting a list is for admins and owners. */
export function canDeleteLists(role: string): boolean {
  return role === 'owner' || role === 'admin';
}
