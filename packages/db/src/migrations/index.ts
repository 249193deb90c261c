/** Every migration, in order. `npm run -w @dbulk/db migration:create` prints the line to add. */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125174504 } from './Migration20261125174504';
import { Migration20261125175625 } from './Migration20261125175625';
import { Migration20261125195119 } from './Migration20261125195119';
import { Migration20261125205024 } from './Migration20261125205024';
import { Migration20261125215000 } from './Migration20261125215000';
import { Migration20261125225425 } from './Migration20261125225425';
import { Migration20261125231655 } from './Migration20261125231655';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125174504', class: Migration20261125174504 },
  // WhatsApp accounts, templates, suppressions, webhook and message events (issue 3).
  { name: 'Migration20261125175625', class: Migration20261125175625 },
  // Contacts, lists, imports, campaigns, campaign messages, send rates (issue 4).
  { name: 'Migration20261125195119', class: Migration20261125195119 },
  // campaign_messages.contact_id without a foreign key: campaign start inserts 100k rows at once.
  { name: 'Migration20261125205024', class: Migration20261125205024 },
  // Partial indexes on campaign_messages.wamid and accepted_at (null until Meta accepts).
  { name: 'Migration20261125215000', class: Migration20261125215000 },
  // Billing: rate cards, pricing rates, conversations, ledger, balances, credit holds, volumes (issue 5).
  { name: 'Migration20261125225425', class: Migration20261125225425 },
  // campaign_messages by (campaign, id) and (campaign, status, id): pages of a campaign read in index order.
  { name: 'Migration20261125231655', class: Migration20261125231655 },
];
