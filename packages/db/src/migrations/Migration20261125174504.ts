import { Migration } from '@mikro-orm/migrations';

export class Migration20261125174504 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_logs" ("id" bigserial primary key, "actor_user_id" uuid null, "actor_email" varchar(254) null, "tenant_id" uuid null, "action" varchar(80) not null, "target_type" varchar(40) null, "target_id" varchar(80) null, "changes" jsonb null, "ip" varchar(64) null, "created_at" timestamptz not null);`);
    this.addSql(`create index "audit_logs_tenant_id_id_index" on "audit_logs" ("tenant_id", "id");`);
    this.addSql(`create index "audit_logs_action_id_index" on "audit_logs" ("action", "id");`);

    this.addSql(`create table "auth_throttles" ("key" varchar(300) not null, "failures" int not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "auth_throttles_pkey" primary key ("key"));`);

    this.addSql(`create table "system_settings" ("key" varchar(64) not null, "value" jsonb not null, "updated_at" timestamptz not null, "updated_by" uuid null, constraint "system_settings_pkey" primary key ("key"));`);

    this.addSql(`create table "tenants" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(120) not null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "sending_enabled" boolean not null default true, "credit_limit" numeric(14,4) not null default '0', "markup_percent" numeric(7,3) not null default '0', "timezone" varchar(64) not null default 'UTC', "default_country" varchar(2) not null default 'US', constraint "tenants_pkey" primary key ("id"));`);

    this.addSql(`create table "users" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "name" varchar(120) not null, "password_hash" text not null, "is_platform_admin" boolean not null default false, "password_changed_at" timestamptz null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "sessions" ("id" varchar(64) not null, "user_id" uuid not null, "current_tenant_id" uuid null, "expires_at" timestamptz not null, "created_at" timestamptz not null, "ip" varchar(64) null, "user_agent" varchar(512) null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);

    this.addSql(`create table "memberships" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('owner', 'admin', 'member', 'viewer')) not null, constraint "memberships_pkey" primary key ("id"));`);
    this.addSql(`create index "memberships_user_id_index" on "memberships" ("user_id");`);
    this.addSql(`alter table "memberships" add constraint "memberships_tenant_id_user_id_unique" unique ("tenant_id", "user_id");`);

    this.addSql(`create table "invitations" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "email" varchar(254) not null, "role" text check ("role" in ('owner', 'admin', 'member', 'viewer')) not null, "token_hash" varchar(64) not null, "invited_by_id" uuid null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by_id" uuid null, "revoked_at" timestamptz null, constraint "invitations_pkey" primary key ("id"));`);
    this.addSql(`create index "invitations_tenant_id_index" on "invitations" ("tenant_id");`);
    this.addSql(`alter table "invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sessions" add constraint "sessions_current_tenant_id_foreign" foreign key ("current_tenant_id") references "tenants" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "memberships" add constraint "memberships_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "invitations" add constraint "invitations_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invitations" add constraint "invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invitations" add constraint "invitations_accepted_by_id_foreign" foreign key ("accepted_by_id") references "users" ("id") on update cascade on delete set null;`);

    // The kill switch exists from the first deploy, released, so every reader finds the row.
    this.addSql(`insert into "system_settings" ("key", "value", "updated_at") values ('kill_switch', '{"engaged": false, "reason": null}', now()) on conflict do nothing;`);
  }

}
