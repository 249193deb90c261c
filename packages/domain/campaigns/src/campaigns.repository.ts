/**
 * The ORM side of campaigns: tenant-scoped lookups (another tenant's id is simply not found)
 * and the checks of what a campaign points at (account, template, lists).
 */
import { Campaign, ContactList, LockMode, Template, WhatsappAccount, type EntityManager } from '@dbulk/db';
import { CampaignErrors } from './campaigns.errors';

export async function ownCampaign(em: EntityManager, tenantId: string, id: string): Promise<Campaign> {
  const row = await em.findOne(Campaign, { id, tenant: tenantId }, { populate: ['template', 'account'] });
  if (!row) throw CampaignErrors.notFound(id);
  return row;
}

/** Re-reads the row under a row lock inside a transaction, so status checks and writes agree. */
export async function lockCampaign(tx: EntityManager, tenantId: string, id: string): Promise<Campaign> {
  const row = await tx.findOne(
    Campaign,
    { id, tenant: tenantId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!row) throw CampaignErrors.notFound(id);
  await tx.populate(row, ['template', 'account']);
  return row;
}

export async function ownAccountRow(
  em: EntityManager,
  tenantId: string,
  id: string,
): Promise<WhatsappAccount> {
  const row = await em.findOne(WhatsappAccount, { id, tenant: tenantId });
  if (!row) throw CampaignErrors.accountNotFound(id);
  return row;
}

export async function ownTemplateRow(em: EntityManager, tenantId: string, id: string): Promise<Template> {
  const row = await em.findOne(Template, { id, tenant: tenantId });
  if (!row) throw CampaignErrors.templateNotFound(id);
  return row;
}

/** The template must be APPROVED and belong to the account's WABA. */
export function checkTemplateFits(template: Template, account: WhatsappAccount): void {
  if (template.wabaId !== account.wabaId) throw CampaignErrors.templateOtherWaba(template.name);
  if (template.status !== 'APPROVED')
    throw CampaignErrors.templateNotApproved(template.name, template.status);
}

export async function checkLists(em: EntityManager, tenantId: string, listIds: string[]): Promise<void> {
  if (listIds.length === 0) return;
  const found = await em.find(ContactList, { id: { $in: listIds }, tenant: tenantId }, { fields: ['id'] });
  const missing = listIds.filter((id) => !found.some((row) => row.id === id));
  if (missing.length) throw CampaignErrors.listNotFound(missing);
}
