/**
 * Two roots, so the tenant app's client type cannot even name an admin procedure.
 * Each root only composes.
 */
import { router } from './trpc';
import { authRouter, adminAuthRouter } from './routers/shared/auth.router';
import { tenantsRouter } from './routers/tenant/tenants.router';
import { membersRouter } from './routers/tenant/members.router';
import { invitationsRouter } from './routers/tenant/invitations.router';
import { auditRouter } from './routers/tenant/audit.router';
import { whatsappRouter } from './routers/tenant/whatsapp.router';
import { templatesRouter } from './routers/tenant/templates.router';
import { campaignsRouter } from './routers/tenant/campaigns.router';
import { contactsRouter } from './routers/tenant/contacts.router';
import { listsRouter } from './routers/tenant/lists.router';
import { importsRouter } from './routers/tenant/imports.router';
import { optOutsRouter } from './routers/tenant/opt-outs.router';
import { billingRouter } from './routers/tenant/billing.router';
import { adminTenantsRouter } from './routers/admin/tenants.router';
import { systemRouter } from './routers/admin/system.router';
import { adminAuditRouter } from './routers/admin/audit.router';
import { adminSendingRouter } from './routers/admin/sending.router';
import { adminBillingRouter } from './routers/admin/billing.router';

export const tenantRouter = router({
  auth: authRouter,
  tenants: tenantsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  whatsapp: whatsappRouter,
  templates: templatesRouter,
  contacts: contactsRouter,
  lists: listsRouter,
  imports: importsRouter,
  campaigns: campaignsRouter,
  optOuts: optOutsRouter,
  billing: billingRouter,
});

export const adminRouter = router({
  auth: adminAuthRouter,
  tenants: adminTenantsRouter,
  system: systemRouter,
  audit: adminAuditRouter,
  sending: adminSendingRouter,
  billing: adminBillingRouter,
});

export type TenantRouter = typeof tenantRouter;
export type AdminRouter = typeof adminRouter;
