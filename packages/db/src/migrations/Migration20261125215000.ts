import { Migration } from '@mikro-orm/migrations';

/**
 * Partial indexes for columns that stay null until Meta accepts a message (`wamid`,
 * `accepted_at`): a 100,000-row campaign start no longer writes 200,000 index entries for
 * nulls. Written by hand: MikroORM's diff does not compare index predicates.
 */
export class Migration20261125215000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "campaign_messages" drop constraint "campaign_messages_wamid_unique";`);
    this.addSql(
      `create unique index "campaign_messages_wamid_unique" on "campaign_messages" ("wamid") where "wamid" is not null;`,
    );
    this.addSql(`drop index "campaign_messages_tenant_id_accepted_at_index";`);
    this.addSql(
      `create index "campaign_messages_tenant_id_accepted_at_index" on "campaign_messages" ("tenant_id", "accepted_at") where "accepted_at" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "campaign_messages_wamid_unique";`);
    this.addSql(`alter table "campaign_messages" add constraint "campaign_messages_wamid_unique" unique ("wamid");`);
    this.addSql(`drop index "campaign_messages_tenant_id_accepted_at_index";`);
    this.addSql(
      `create index "campaign_messages_tenant_id_accepted_at_index" on "campaign_messages" ("tenant_id", "accepted_at");`,
    );
  }
}
