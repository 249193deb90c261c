/**
 * The template as a few real recipients would receive it, rendered with the campaign's mapping
 * (same rules as start), plus the variables that still lack a source.
 */
import type { EntityManager } from '@dbulk/db';
import { contentOf, renderPreview } from '@dbulk/domain-templates';
import { ownCampaign } from './campaigns.repository';
import { E164_SQL } from './recipients';
import { renderValues, templateVariables, unmappedKeys } from './variables';

export interface PreviewSample {
  phone: string;
  name: string | null;
  header?: string;
  body: string;
  buttons?: { type: string; text: string; url?: string; code?: string }[];
}

export async function previewCampaign(
  em: EntityManager,
  tenantId: string,
  campaignId: string,
  sample = 3,
): Promise<{ samples: PreviewSample[]; unmapped: string[] }> {
  const row = await ownCampaign(em, tenantId, campaignId);
  const keys = templateVariables(row.template).map((v) => v.key);
  const contacts: { phone: string; name: string | null; attributes: Record<string, string> }[] =
    await em.execute(
      `select c.phone, c.name, c.attributes from contacts c
     where c.tenant_id = ?::uuid and c.phone ~ ${E164_SQL}
       and c.tags @> array(select jsonb_array_elements_text(?::jsonb))::text[]
       and exists (select 1 from contact_list_members m where m.contact_id = c.id and m.tenant_id = ?::uuid
                   and m.list_id in (select (jsonb_array_elements_text(?::jsonb))::uuid))
     order by c.phone limit ?`,
      [
        tenantId,
        JSON.stringify(row.tagFilter),
        tenantId,
        JSON.stringify(row.listIds),
        Math.min(Math.max(sample, 1), 20),
      ],
    );
  const content = contentOf(row.template);
  const samples = contacts.map((contact): PreviewSample => {
    const preview = renderPreview(content, renderValues(keys, row.variableMapping, contact));
    return {
      phone: contact.phone,
      name: contact.name,
      ...(preview.header?.text ? { header: preview.header.text } : {}),
      body: preview.body,
      ...(preview.buttons.length
        ? {
            buttons: preview.buttons.map((b) => ({
              type: b.type,
              text: b.text,
              ...(b.url ? { url: b.url } : {}),
              ...(b.code ? { code: b.code } : {}),
            })),
          }
        : {}),
    };
  });
  return { samples, unmapped: unmappedKeys(keys, row.variableMapping) };
}
