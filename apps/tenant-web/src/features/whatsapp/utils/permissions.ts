/**
 * Who may do what with WhatsApp numbers (the api enforces the same): admins and owners connect,
 * re-validate and disconnect; members also send test messages; viewers look.
 */
export function canManageNumbers(role: string): boolean {
  return role === 'owner' || role === 'admin';
}

export function canSendTests(role: string): boolean {
  return canManageNumbers(role) || role === 'member';
}
