/** Owners and admins answer for the tenant's spend: they read balance, spend and the ledger. */
export const canSeeBilling = (role: string) => role === 'owner' || role === 'admin';
