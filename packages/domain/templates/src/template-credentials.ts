/**
 * What a Meta call about a template needs: the Graph client, and the token of the template's
 * own account, opened in memory for one call (tokens never leave the server).
 */
import type { EntityManager, Template } from '@dbulk/db';
import { accountCredentials, type Keyring } from '@dbulk/domain-whatsapp';
import type { GraphClient } from '@dbulk/meta';
import { validateTemplate } from './template-rules';
import type { TemplateContent } from './template.types';
import { TemplateErrors } from './templates.errors';

export interface TemplateDeps {
  graph: GraphClient;
  keyring: Keyring;
}

export async function credentialsFor(em: EntityManager, keyring: Keyring, row: Template) {
  if (!row.account) throw TemplateErrors.notSubmitted(row.name);
  const creds = await accountCredentials(em, keyring, row.tenant.id, row.account.id);
  if (creds.account.wabaId !== row.wabaId) {
    throw TemplateErrors.wrongStatus(row.name, `on WABA ${row.wabaId}`, 'calling Meta', [
      `on the account's current WABA ${creds.account.wabaId}`,
    ]);
  }
  return creds;
}

export function assertValid(content: TemplateContent): void {
  const problems = validateTemplate(content);
  if (problems.length) throw TemplateErrors.invalid(content.name, problems);
}
