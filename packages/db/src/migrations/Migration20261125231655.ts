import { Migration } from '@mikro-orm/migrations';

export class Migration20261125231655 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "campaign_messages_campaign_id_status_index";`);

    this.addSql(
      `create index "campaign_messages_campaign_id_status_id_index" on "campaign_messages" ("campaign_id", "status", "id");`,
    );
    this.addSql(
      `create index "campaign_messages_campaign_id_id_index" on "campaign_messages" ("campaign_id", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "campaign_messages_campaign_id_status_id_index";`);
    this.addSql(`drop index "campaign_messages_campaign_id_id_index";`);

    this.addSql(
      `create index "campaign_messages_campaign_id_status_index" on "campaign_messages" ("campaign_id", "status");`,
    );
  }
}
