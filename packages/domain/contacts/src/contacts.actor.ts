import type { AuditActor } from '@dbulk/domain-platform';

/** Who acts, in which tenant (the api's TenantActor satisfies it). */
export interface ContactsActor extends AuditActor {
  userId: string;
  tenantId: string;
}
