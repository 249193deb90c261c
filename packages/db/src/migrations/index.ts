/** Every migration, in order. `npm run -w @dbulk/db migration:create` prints the line to add. */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125174504 } from './Migration20261125174504';

export const migrationsList: MigrationObject[] = [{ name: 'Migration20261125174504', class: Migration20261125174504 }];
