/**
 * What sending one campaign's messages needs besides the rows: the template (name, language,
 * content for the components) and the number with its decrypted token. Cached briefly per
 * campaign; the token lives only in this process's memory, never in a log or an error.
 */
import { Campaign, type EntityManager } from '@dbulk/db';
import { contentOf, type TemplateContent } from '@dbulk/domain-templates';
import { openToken, tokenContext, type Keyring } from '@dbulk/domain-whatsapp';

export interface CampaignContext {
  campaignId: string;
  tenantId: string;
  phoneNumberId: string;
  accountMax: number;
  token: string;
  template: TemplateContent;
  /** The category at start (decides marketing suppression), else the template's. */
  category: string;
}

export class CampaignContexts {
  private readonly cache = new Map<string, { value: CampaignContext; at: number }>();

  constructor(
    private readonly keyring: Keyring,
    private readonly ttlMs = 30_000,
  ) {}

  async get(em: EntityManager, campaignId: string): Promise<CampaignContext> {
    const hit = this.cache.get(campaignId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const campaign = await em.findOneOrFail(Campaign, { id: campaignId }, { populate: ['template', 'account'] });
    const account = campaign.account;
    const value: CampaignContext = {
      campaignId,
      tenantId: campaign.tenant.id,
      phoneNumberId: account.phoneNumberId,
      accountMax: account.throughputMps,
      token: openToken(this.keyring, account.accessTokenCiphertext, tokenContext(campaign.tenant.id, account.phoneNumberId)),
      template: contentOf(campaign.template),
      category: campaign.category ?? campaign.template.category,
    };
    this.cache.set(campaignId, { value, at: Date.now() });
    return value;
  }

  /** A token or template changed (needs-a-human pause): read it again next time. */
  forget(campaignId: string): void {
    this.cache.delete(campaignId);
  }
}
