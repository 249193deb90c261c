import { Migration } from '@mikro-orm/migrations';

export class Migration20261125205024 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "campaign_messages" drop constraint "campaign_messages_contact_id_foreign";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign_messages" add constraint "campaign_messages_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`);
  }

}
