import { Migration } from '@mikro-orm/migrations';

export class Migration20261125195119 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "send_rates" ("phone_number_id" varchar(32) not null, "rate" double precision not null default 80, "ceiling" double precision null, "last_throttled_at" timestamptz null, "updated_at" timestamptz not null default now(), constraint "send_rates_pkey" primary key ("phone_number_id"));`,
    );

    this.addSql(
      `create table "contact_lists" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "name" varchar(120) not null, "description" text null, constraint "contact_lists_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "contact_lists" add constraint "contact_lists_tenant_id_name_unique" unique ("tenant_id", "name");`,
    );

    this.addSql(
      `create table "contact_imports" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "list_id" uuid null, "file_name" varchar(255) not null, "status" text check ("status" in ('RUNNING', 'COMPLETED', 'FAILED')) not null default 'RUNNING', "rows_read" int not null default 0, "bytes_read" bigint not null default 0, "bytes_total" bigint null, "created" int not null default 0, "updated" int not null default 0, "duplicates" int not null default 0, "rejected" int not null default 0, "errors" jsonb not null default '[]', "error_message" text null, "created_by" uuid null, "finished_at" timestamptz null, constraint "contact_imports_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "contact_imports_tenant_id_created_at_index" on "contact_imports" ("tenant_id", "created_at");`,
    );

    this.addSql(
      `create table "contacts" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "phone" varchar(20) not null, "bsuid" varchar(64) null, "name" varchar(200) null, "attributes" jsonb not null default '{}', "tags" text[] not null default '{}', "opt_in_source" varchar(200) null, "opted_out_at" timestamptz null, constraint "contacts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "contacts_tenant_id_created_at_index" on "contacts" ("tenant_id", "created_at");`,
    );
    this.addSql(`create index "contacts_tenant_id_bsuid_index" on "contacts" ("tenant_id", "bsuid");`);
    this.addSql(`create index "contacts_tags_gin" on "contacts" using gin ("tags");`);
    this.addSql(
      `alter table "contacts" add constraint "contacts_tenant_id_phone_unique" unique ("tenant_id", "phone");`,
    );

    this.addSql(
      `create table "contact_list_members" ("list_id" uuid not null, "contact_id" uuid not null, "tenant_id" uuid not null, "added_at" timestamptz not null default now(), constraint "contact_list_members_pkey" primary key ("list_id", "contact_id"));`,
    );
    this.addSql(
      `create index "contact_list_members_contact_id_index" on "contact_list_members" ("contact_id");`,
    );

    this.addSql(
      `create table "campaigns" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "name" varchar(200) not null, "account_id" uuid not null, "template_id" uuid not null, "list_ids" jsonb not null default '[]', "tag_filter" jsonb not null default '[]', "variable_mapping" jsonb not null default '{}', "status" text check ("status" in ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED', 'FAILED')) not null default 'DRAFT', "status_reason" text null, "status_code" varchar(64) null, "scheduled_at" timestamptz null, "started_at" timestamptz null, "completed_at" timestamptz null, "created_by" uuid null, "category" varchar(32) null, "total" int not null default 0, "pending" int not null default 0, "queued" int not null default 0, "sending" int not null default 0, "retry_wait" int not null default 0, "accepted" int not null default 0, "sent" int not null default 0, "delivered" int not null default 0, "read" int not null default 0, "failed" int not null default 0, "skipped" int not null default 0, "estimated_cost" numeric(14,4) null, "actual_cost" numeric(14,4) not null default '0', constraint "campaigns_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaigns_tenant_id_created_at_index" on "campaigns" ("tenant_id", "created_at");`,
    );
    this.addSql(
      `create index "campaigns_status_scheduled_at_index" on "campaigns" ("status", "scheduled_at");`,
    );

    this.addSql(
      `create table "campaign_messages" ("id" bigserial primary key, "tenant_id" uuid not null, "campaign_id" uuid not null, "contact_id" uuid null, "phone" varchar(20) not null, "variables" jsonb not null default '{}', "status" text check ("status" in ('PENDING', 'QUEUED', 'SENDING', 'RETRY_WAIT', 'ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED')) not null default 'PENDING', "wamid" varchar(200) null, "attempts" int not null default 0, "next_attempt_at" timestamptz null, "error_code" int null, "error_title" text null, "reason" varchar(64) null, "needs_review" boolean not null default false, "queued_at" timestamptz null, "sending_at" timestamptz null, "accepted_at" timestamptz null, "sent_at" timestamptz null, "delivered_at" timestamptz null, "read_at" timestamptz null, "failed_at" timestamptz null, "cost" numeric(12,6) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create index "campaign_messages_campaign_id_status_index" on "campaign_messages" ("campaign_id", "status");`,
    );
    this.addSql(
      `create index "campaign_messages_tenant_id_accepted_at_index" on "campaign_messages" ("tenant_id", "accepted_at");`,
    );
    this.addSql(
      `create index "campaign_messages_retry_due" on "campaign_messages" ("next_attempt_at") where "status" = 'RETRY_WAIT';`,
    );
    this.addSql(
      `alter table "campaign_messages" add constraint "campaign_messages_campaign_id_phone_unique" unique ("campaign_id", "phone");`,
    );
    this.addSql(
      `alter table "campaign_messages" add constraint "campaign_messages_wamid_unique" unique ("wamid");`,
    );

    this.addSql(
      `alter table "contact_lists" add constraint "contact_lists_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "contact_imports" add constraint "contact_imports_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "contact_imports" add constraint "contact_imports_list_id_foreign" foreign key ("list_id") references "contact_lists" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "contacts" add constraint "contacts_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "contact_list_members" add constraint "contact_list_members_list_id_foreign" foreign key ("list_id") references "contact_lists" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "contact_list_members" add constraint "contact_list_members_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "campaigns" add constraint "campaigns_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaigns" add constraint "campaigns_account_id_foreign" foreign key ("account_id") references "whatsapp_accounts" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "campaigns" add constraint "campaigns_template_id_foreign" foreign key ("template_id") references "templates" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "campaign_messages" add constraint "campaign_messages_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "campaign_messages" add constraint "campaign_messages_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "tenants" add column "opt_out_keywords" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "contact_imports" drop constraint "contact_imports_list_id_foreign";`);

    this.addSql(`alter table "contact_list_members" drop constraint "contact_list_members_list_id_foreign";`);

    this.addSql(
      `alter table "contact_list_members" drop constraint "contact_list_members_contact_id_foreign";`,
    );

    this.addSql(`alter table "campaign_messages" drop constraint "campaign_messages_contact_id_foreign";`);

    this.addSql(`alter table "campaign_messages" drop constraint "campaign_messages_campaign_id_foreign";`);

    this.addSql(`drop table if exists "send_rates" cascade;`);

    this.addSql(`drop table if exists "contact_lists" cascade;`);

    this.addSql(`drop table if exists "contact_imports" cascade;`);

    this.addSql(`drop table if exists "contacts" cascade;`);

    this.addSql(`drop table if exists "contact_list_members" cascade;`);

    this.addSql(`drop table if exists "campaigns" cascade;`);

    this.addSql(`drop table if exists "campaign_messages" cascade;`);

    this.addSql(`alter table "tenants" drop column "opt_out_keywords";`);
  }
}
