import { Migration } from '@mikro-orm/migrations';

/**
 * Billing (issue 5): rate cards and pricing rates, CBP conversations, the ledger with its
 * running balance per tenant, campaign credit holds and monthly volumes for tiers; campaign
 * costs in 6 decimals like the ledger, so sums reconcile exactly. `tenants.credit_limit` null
 * means no credit control; limits of 0 set before billing existed meant "never set", so they
 * become null (hand-written data step).
 */
export class Migration20261125225425 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing_volumes" ("waba_id" varchar(32) not null, "month" varchar(7) not null, "market" varchar(64) not null, "category" varchar(40) not null, "count" int not null default 0, "updated_at" timestamptz not null default now(), constraint "billing_volumes_pkey" primary key ("waba_id", "month", "market", "category"));`);

    this.addSql(`create table "conversations" ("id" bigserial primary key, "tenant_id" uuid not null, "conversation_id" varchar(200) not null, "phone_number_id" varchar(32) null, "category" varchar(40) null, "origin_type" varchar(40) null, "expires_at" timestamptz null, "billable" boolean not null default true, "opened_at" timestamptz not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "conversations" add constraint "conversations_tenant_id_conversation_id_unique" unique ("tenant_id", "conversation_id");`);

    this.addSql(`create table "ledger_entries" ("id" bigserial primary key, "tenant_id" uuid not null, "kind" text check ("kind" in ('charge', 'adjustment')) not null, "amount" numeric(14,6) not null, "meta_cost" numeric(14,6) not null default '0', "currency" varchar(3) not null default 'USD', "category" varchar(40) null, "market" varchar(64) null, "country_code" varchar(8) null, "pricing_model" varchar(3) null, "pricing_type" varchar(40) null, "campaign_id" uuid null, "message_id" bigint null, "source_ref" varchar(200) not null, "balance_after" numeric(14,6) not null, "reason" text null, "created_by" uuid null, "occurred_at" timestamptz not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "ledger_entries" add constraint "ledger_entries_source_ref_unique" unique ("source_ref");`);
    this.addSql(`create index "ledger_entries_tenant_id_occurred_at_index" on "ledger_entries" ("tenant_id", "occurred_at");`);
    this.addSql(`create index "ledger_entries_tenant_id_campaign_id_index" on "ledger_entries" ("tenant_id", "campaign_id");`);

    this.addSql(`create table "rate_cards" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "effective_from" date not null, "currency" varchar(3) not null default 'USD', "source" text check ("source" in ('seed', 'upload')) not null, "status" text check ("status" in ('staged', 'applied')) not null default 'staged', "row_count" int not null default 0, "rows" jsonb null, "note" text null, "uploaded_by" uuid null, "applied_at" timestamptz null, constraint "rate_cards_pkey" primary key ("id"));`);
    this.addSql(`create index "rate_cards_status_effective_from_index" on "rate_cards" ("status", "effective_from");`);

    this.addSql(`create table "pricing_rates" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "market" varchar(64) not null, "country_codes" jsonb not null default '[]', "category" varchar(40) not null, "currency" varchar(3) not null default 'USD', "pricing_model" varchar(3) not null default 'PMP', "rate" numeric(12,6) not null, "tiers" jsonb null, "effective_from" date not null, "rate_card_id" uuid null, constraint "pricing_rates_pkey" primary key ("id"));`);
    this.addSql(`create index "pricing_rates_effective_from_index" on "pricing_rates" ("effective_from");`);
    this.addSql(`alter table "pricing_rates" add constraint "pricing_rates_market_category_currency_pricing_mo_e2aa7_unique" unique ("market", "category", "currency", "pricing_model", "effective_from");`);

    this.addSql(`create table "tenant_balances" ("tenant_id" uuid not null, "balance" numeric(14,6) not null default '0', "updated_at" timestamptz not null default now(), constraint "tenant_balances_pkey" primary key ("tenant_id"));`);

    this.addSql(`create table "credit_holds" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "campaign_id" uuid not null, "amount" numeric(14,6) not null, "consumed" numeric(14,6) not null default '0', "released_at" timestamptz null, "override_by" uuid null, "override_reason" text null, constraint "credit_holds_pkey" primary key ("id"));`);
    this.addSql(`alter table "credit_holds" add constraint "credit_holds_campaign_id_unique" unique ("campaign_id");`);
    this.addSql(`create index "credit_holds_tenant_id_released_at_index" on "credit_holds" ("tenant_id", "released_at");`);

    this.addSql(`alter table "pricing_rates" add constraint "pricing_rates_rate_card_id_foreign" foreign key ("rate_card_id") references "rate_cards" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "credit_holds" add constraint "credit_holds_campaign_id_foreign" foreign key ("campaign_id") references "campaigns" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "tenants" alter column "credit_limit" drop default;`);
    this.addSql(`alter table "tenants" alter column "credit_limit" type numeric(14,4) using ("credit_limit"::numeric(14,4));`);
    this.addSql(`alter table "tenants" alter column "credit_limit" drop not null;`);
    this.addSql(`update "tenants" set "credit_limit" = null where "credit_limit" = 0;`);

    this.addSql(`alter table "campaigns" alter column "estimated_cost" type numeric(14,6) using ("estimated_cost"::numeric(14,6));`);
    this.addSql(`alter table "campaigns" alter column "actual_cost" type numeric(14,6) using ("actual_cost"::numeric(14,6));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pricing_rates" drop constraint "pricing_rates_rate_card_id_foreign";`);

    this.addSql(`drop table if exists "billing_volumes" cascade;`);

    this.addSql(`drop table if exists "conversations" cascade;`);

    this.addSql(`drop table if exists "ledger_entries" cascade;`);

    this.addSql(`drop table if exists "rate_cards" cascade;`);

    this.addSql(`drop table if exists "pricing_rates" cascade;`);

    this.addSql(`drop table if exists "tenant_balances" cascade;`);

    this.addSql(`drop table if exists "credit_holds" cascade;`);

    this.addSql(`alter table "campaigns" alter column "estimated_cost" type numeric(14,4) using ("estimated_cost"::numeric(14,4));`);
    this.addSql(`alter table "campaigns" alter column "actual_cost" type numeric(14,4) using ("actual_cost"::numeric(14,4));`);

    this.addSql(`alter table "tenants" alter column "credit_limit" type numeric(14,4) using ("credit_limit"::numeric(14,4));`);
    this.addSql(`alter table "tenants" alter column "credit_limit" set default '0';`);
    this.addSql(`update "tenants" set "credit_limit" = 0 where "credit_limit" is null;`);
    this.addSql(`alter table "tenants" alter column "credit_limit" set not null;`);
  }

}
