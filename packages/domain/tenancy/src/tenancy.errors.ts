import { type AppError, conflict, forbidden, invalid, notFound, unauthenticated } from '@dbulk/errors';

export const TenancyErrors = {
  invalidCredentials: () => unauthenticated('INVALID_CREDENTIALS', 'email or password is incorrect'),
  emailTaken: () => conflict('EMAIL_TAKEN', 'an account with this email already exists', { details: { field: 'email' } }),
  notMember: () => forbidden('NOT_A_MEMBER', 'you are not a member of this tenant'),
  noTenantSelected: () => forbidden('NO_TENANT_SELECTED', 'select a tenant first'),
  tenantSuspended: (name: string) => forbidden('TENANT_SUSPENDED', `tenant ${name} is suspended; contact support`),
  roleTooLow: (needed: string) => forbidden('ROLE_REQUIRED', `this action needs the ${needed} role or higher`),
  cannotAssign: (role: string) => forbidden('ROLE_NOT_ASSIGNABLE', `you cannot give or take the ${role} role`),
  lastOwner: () => conflict('LAST_OWNER', 'a tenant keeps at least one owner; make someone else owner first'),
  memberNotFound: (userId: string) => notFound('MEMBER_NOT_FOUND', `user ${userId} is not a member of this tenant`),
  alreadyMember: (email: string) => conflict('ALREADY_MEMBER', `${email} is already a member of this tenant`, { details: { field: 'email' } }),
  invitationNotFound: () => notFound('INVITATION_NOT_FOUND', 'this invitation does not exist'),
  invitationUnusable: (why: string) => conflict('INVITATION_UNUSABLE', `this invitation ${why}`),
  invitationEmailMismatch: (email: string) =>
    forbidden('INVITATION_EMAIL_MISMATCH', `this invitation is for ${email}; sign in with that account`),
  tenantNotFound: (id: string) => notFound('TENANT_NOT_FOUND', `tenant ${id} does not exist`),
  nameRequired: (field: string) => invalid('NAME_REQUIRED', `${field} is required`, { details: { field } }),
} satisfies Record<string, (...args: never[]) => AppError>;
