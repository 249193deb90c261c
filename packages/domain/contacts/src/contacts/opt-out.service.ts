/**
 * Opting a contact out (or back in) by hand. Out: opted_out_at is set and a manual suppression of
 * scope `all` recorded, so campaigns skip the phone. In: opted_out_at cleared and manual
 * suppressions lifted; suppressions from the recipient (STOP, Meta's user_preferences) stay,
 * because only the recipient can take those back.
 */
import { Contact, type EntityManager } from '@dbulk/db';
import { recordAudit } from '@dbulk/domain-platform';
import type { ContactsActor } from '../contacts.actor';
import type { ContactDto } from '../contacts.dto';
import { ContactErrors } from '../contacts.errors';
import { contactById } from './contacts.service';

export async function setOptOut(
  em: EntityManager,
  actor: ContactsActor,
  input: { contactId: string; optedOut: boolean; reason?: string | null },
): Promise<ContactDto> {
  await em.transactional(async (tx) => {
    const contact = await tx.findOne(Contact, { id: input.contactId, tenant: actor.tenantId });
    if (!contact) throw ContactErrors.notFound(input.contactId);
    const before = { optedOutAt: contact.optedOutAt?.toISOString() ?? null };
    if (input.optedOut) {
      contact.optedOutAt ??= new Date();
      await tx.flush();
      await tx.execute(
        `insert into suppressions (id, created_at, updated_at, tenant_id, phone, scope, source, reason, occurred_at)
         values (gen_random_uuid(), now(), now(), ?, ?, 'all', 'manual', ?, now())
         on conflict (tenant_id, phone, scope) where lifted_at is null and phone is not null do nothing`,
        [actor.tenantId, contact.phone, input.reason ?? 'opted out by hand'],
      );
    } else {
      contact.optedOutAt = null;
      await tx.flush();
      await tx.execute(
        `update suppressions set lifted_at = now(), updated_at = now()
         where tenant_id = ? and phone = ? and source = 'manual' and lifted_at is null`,
        [actor.tenantId, contact.phone],
      );
    }
    await recordAudit(tx, actor, {
      tenantId: actor.tenantId,
      action: input.optedOut ? 'contacts.opted_out' : 'contacts.opted_in',
      targetType: 'contact',
      targetId: contact.id,
      changes: { before, after: { optedOutAt: contact.optedOutAt?.toISOString() ?? null } },
    });
  });
  return contactById(em, actor.tenantId, input.contactId);
}
