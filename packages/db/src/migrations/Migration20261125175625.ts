import { Migration } from '@mikro-orm/migrations';

export class Migration20261125175625 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "message_events" ("id" bigserial primary key, "tenant_id" uuid null, "phone_number_id" varchar(32) null, "wamid" varchar(200) not null, "kind" text check ("kind" in ('status', 'inbound')) not null, "status" varchar(32) not null, "wa_id" varchar(32) null, "bsuid" varchar(64) null, "occurred_at" timestamptz not null, "error_code" int null, "error_title" text null, "pricing" jsonb null, "conversation" jsonb null, "payload" jsonb not null, "applied_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create index "message_events_tenant_id_occurred_at_index" on "message_events" ("tenant_id", "occurred_at");`);
    this.addSql(`create index "message_events_applied_at_kind_index" on "message_events" ("applied_at", "kind");`);
    this.addSql(`alter table "message_events" add constraint "message_events_wamid_kind_status_unique" unique ("wamid", "kind", "status");`);

    this.addSql(`create table "suppressions" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "phone" varchar(20) null, "bsuid" varchar(64) null, "scope" text check ("scope" in ('marketing', 'all')) not null, "source" text check ("source" in ('user_preferences', 'keyword', 'manual', 'meta_error')) not null, "reason" text null, "occurred_at" timestamptz not null, "lifted_at" timestamptz null, constraint "suppressions_pkey" primary key ("id"), constraint suppressions_key_present check (phone is not null or bsuid is not null));`);
    this.addSql(`create index "suppressions_tenant_id_phone_index" on "suppressions" ("tenant_id", "phone");`);
    this.addSql(`create index "suppressions_tenant_id_bsuid_index" on "suppressions" ("tenant_id", "bsuid");`);
    this.addSql(`create unique index "suppressions_active_phone_unique" on "suppressions" ("tenant_id", "phone", "scope") where "lifted_at" is null and "phone" is not null;`);
    this.addSql(`create unique index "suppressions_active_bsuid_unique" on "suppressions" ("tenant_id", "bsuid", "scope") where "lifted_at" is null and "bsuid" is not null;`);

    this.addSql(`create table "webhook_events" ("id" bigserial primary key, "dedupe_key" varchar(300) not null, "tenant_id" uuid null, "waba_id" varchar(32) null, "phone_number_id" varchar(32) null, "field" varchar(64) not null, "kind" varchar(64) not null, "payload" jsonb not null, "received_at" timestamptz not null, "processed_at" timestamptz null, "outcome" text check ("outcome" in ('applied', 'duplicate', 'ignored', 'unroutable', 'failed')) null, "error" text null, "source" varchar(100) null);`);
    this.addSql(`alter table "webhook_events" add constraint "webhook_events_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "webhook_events_received_at_index" on "webhook_events" ("received_at");`);
    this.addSql(`create index "webhook_events_tenant_id_received_at_index" on "webhook_events" ("tenant_id", "received_at");`);

    this.addSql(`create table "whatsapp_accounts" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "waba_id" varchar(32) not null, "phone_number_id" varchar(32) not null, "display_phone_number" varchar(32) null, "verified_name" varchar(200) null, "quality_rating" varchar(16) null, "messaging_limit_tier" varchar(32) null, "throughput_level" varchar(32) null, "throughput_mps" int not null default 80, "status" text check ("status" in ('connected', 'broken', 'disconnected')) not null default 'connected', "status_reason" text null, "access_token_ciphertext" text not null, "access_token_key_id" varchar(32) not null, "token_expires_at" timestamptz null, "scopes" jsonb null, "webhook_subscribed" boolean not null default false, "is_sandbox" boolean not null default false, "last_validated_at" timestamptz null, "waba_timezone_id" varchar(16) null, "waba_currency" varchar(8) null, constraint "whatsapp_accounts_pkey" primary key ("id"));`);
    this.addSql(`create index "whatsapp_accounts_tenant_id_status_index" on "whatsapp_accounts" ("tenant_id", "status");`);
    this.addSql(`create index "whatsapp_accounts_waba_id_index" on "whatsapp_accounts" ("waba_id");`);
    this.addSql(`create unique index "whatsapp_accounts_live_phone_number_id_unique" on "whatsapp_accounts" ("phone_number_id") where "status" <> 'disconnected';`);

    this.addSql(`create table "templates" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "account_id" uuid null, "waba_id" varchar(32) not null, "name" varchar(512) not null, "language" varchar(16) not null, "category" text check ("category" in ('MARKETING', 'UTILITY', 'AUTHENTICATION')) not null, "requested_category" text check ("requested_category" in ('MARKETING', 'UTILITY', 'AUTHENTICATION')) null, "parameter_format" text check ("parameter_format" in ('POSITIONAL', 'NAMED')) not null default 'POSITIONAL', "components" jsonb not null, "status" text check ("status" in ('DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'ARCHIVED', 'LIMIT_EXCEEDED')) not null default 'DRAFT', "meta_template_id" varchar(32) null, "rejection_reason" text null, "quality_score" varchar(16) null, "version" int not null default 1, "submitted_at" timestamptz null, "status_changed_at" timestamptz null, "last_synced_at" timestamptz null, constraint "templates_pkey" primary key ("id"));`);
    this.addSql(`create index "templates_tenant_id_status_index" on "templates" ("tenant_id", "status");`);
    this.addSql(`create index "templates_meta_template_id_index" on "templates" ("meta_template_id");`);
    this.addSql(`alter table "templates" add constraint "templates_tenant_id_waba_id_name_language_unique" unique ("tenant_id", "waba_id", "name", "language");`);

    this.addSql(`create table "template_versions" ("id" bigserial primary key, "tenant_id" uuid not null, "template_id" uuid not null, "version" int not null, "event" varchar(40) not null, "status" text check ("status" in ('DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'ARCHIVED', 'LIMIT_EXCEEDED')) not null, "category" text check ("category" in ('MARKETING', 'UTILITY', 'AUTHENTICATION')) not null, "components" jsonb null, "reason" text null, "actor_user_id" uuid null, "created_at" timestamptz not null);`);
    this.addSql(`create index "template_versions_template_id_created_at_index" on "template_versions" ("template_id", "created_at");`);

    this.addSql(`alter table "suppressions" add constraint "suppressions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "whatsapp_accounts" add constraint "whatsapp_accounts_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "templates" add constraint "templates_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "templates" add constraint "templates_account_id_foreign" foreign key ("account_id") references "whatsapp_accounts" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "template_versions" add constraint "template_versions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "template_versions" add constraint "template_versions_template_id_foreign" foreign key ("template_id") references "templates" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "templates" drop constraint "templates_account_id_foreign";`);

    this.addSql(`alter table "template_versions" drop constraint "template_versions_template_id_foreign";`);

    this.addSql(`drop table if exists "message_events" cascade;`);

    this.addSql(`drop table if exists "suppressions" cascade;`);

    this.addSql(`drop table if exists "webhook_events" cascade;`);

    this.addSql(`drop table if exists "whatsapp_accounts" cascade;`);

    this.addSql(`drop table if exists "templates" cascade;`);

    this.addSql(`drop table if exists "template_versions" cascade;`);
  }

}
