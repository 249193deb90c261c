/**
 * The two statements of charging a batch of delivered statuses.
 *
 * CANDIDATES: for each (tenant, wamid) just delivered or read, the campaign message, its delivered
 * (else read) event's time and pricing (a CBP `sent` event lends its conversation when the
 * delivered one has none), the tenant's timezone and markup and the campaign's WABA; messages
 * already charged are left out. Markets and rates are then resolved in TypeScript (pricing rules).
 *
 * WRITE: in one statement, for the priced rows not yet in the ledger: CBP conversations recorded;
 * monthly volumes counted per WABA × month × market × category (only charged rows with tiers), so
 * each row's position in the month picks its tier; markup applied; the tenants' balance rows
 * moved (their lock serialises a tenant's entries) and each entry's running balance written;
 * messages' cost, campaigns' actual cost and their holds' consumption moved; and a RUNNING
 * campaign of a tenant under credit control whose hold is used up while no credit is left is
 * paused with CREDIT_EXHAUSTED (in the same update as its cost: one row is updated once).
 */
export const CANDIDATES_SQL = `
with k as (select distinct tenant_id, wamid from jsonb_to_recordset(?::jsonb) as k(tenant_id uuid, wamid text))
select k.tenant_id, k.wamid, m.id::text as message_id, m.campaign_id, m.phone, ev.occurred_at, ev.pricing, ev.conversation,
  ev.phone_number_id, t.timezone, t.markup_percent::text as markup_percent, w.waba_id
from k
cross join lateral (select id, campaign_id, phone from campaign_messages where wamid = k.wamid and tenant_id = k.tenant_id limit 1) m
cross join lateral (
  select e.occurred_at, e.phone_number_id, coalesce(e.pricing, s.pricing) as pricing, coalesce(e.conversation, s.conversation) as conversation
  from message_events e
  left join message_events s on s.wamid = e.wamid and s.kind = 'status' and s.status = 'sent'
  where e.wamid = k.wamid and e.kind = 'status' and e.status in ('delivered', 'read')
  order by (e.status = 'delivered') desc limit 1) ev
join tenants t on t.id = k.tenant_id
join campaigns c on c.id = m.campaign_id
join whatsapp_accounts w on w.id = c.account_id
where ev.pricing is not null
  and not exists (select 1 from ledger_entries l where l.source_ref = 'pmp:' || k.wamid)`;

export const WRITE_SQL = `
with c as (
  select * from jsonb_to_recordset(?::jsonb) as c(source_ref text, tenant_id uuid, campaign_id uuid, message_id bigint,
    occurred_at timestamptz, category text, market text, country_code text, pricing_model text, pricing_type text,
    billable boolean, base_rate numeric, tiers jsonb, markup numeric, waba_id text, month text, reason text,
    conversation_id text, phone_number_id text, origin_type text, expires_at timestamptz)
),
fresh as (
  select distinct on (source_ref) * from c
  where not exists (select 1 from ledger_entries l where l.source_ref = c.source_ref)
  order by source_ref, occurred_at
),
convs as (
  insert into conversations (tenant_id, conversation_id, phone_number_id, category, origin_type, expires_at, billable, opened_at)
  select tenant_id, conversation_id, phone_number_id, category, origin_type, expires_at, billable, occurred_at
  from fresh where conversation_id is not null
  on conflict (tenant_id, conversation_id) do nothing returning id
),
counted as (
  select waba_id, month, market, category, count(*)::int as n from fresh
  where billable and tiers is not null and waba_id is not null group by 1, 2, 3, 4
),
vol as (
  insert into billing_volumes (waba_id, month, market, category, count)
  select waba_id, month, market, category, n from counted
  on conflict (waba_id, month, market, category) do update set count = billing_volumes.count + excluded.count, updated_at = now()
  returning waba_id, month, market, category, count
),
positioned as (
  select f.*, v.count - k.n + row_number() over (partition by f.waba_id, f.month, f.market, f.category, (k.n is not null) order by f.occurred_at, f.source_ref) as position
  from fresh f
  left join counted k on f.billable and f.tiers is not null and k.waba_id = f.waba_id and k.month = f.month and k.market = f.market and k.category = f.category
  left join vol v on k.n is not null and v.waba_id = k.waba_id and v.month = k.month and v.market = k.market and v.category = k.category
),
priced as (
  select p.*, case when not p.billable then 0 else coalesce(
    (select (t ->> 'rate')::numeric from jsonb_array_elements(p.tiers) t
     where p.position is not null and (t ->> 'fromCount')::bigint <= p.position order by (t ->> 'fromCount')::bigint desc limit 1),
    p.base_rate) end as meta_rate
  from positioned p
),
amounts as (
  select pr.*, -pr.meta_rate as meta_cost, -round(pr.meta_rate * (100 + pr.markup) / 100, 6) as amount from priced pr
),
sums as (select tenant_id, sum(amount) as total from amounts group by tenant_id),
bal as (
  insert into tenant_balances (tenant_id, balance) select tenant_id, total from sums
  on conflict (tenant_id) do update set balance = tenant_balances.balance + excluded.balance, updated_at = now()
  returning tenant_id, balance
),
ins as (
  insert into ledger_entries (tenant_id, kind, amount, meta_cost, currency, category, market, country_code, pricing_model,
    pricing_type, campaign_id, message_id, source_ref, balance_after, reason, occurred_at)
  select a.tenant_id, 'charge', a.amount, a.meta_cost, 'USD', a.category, a.market, a.country_code, a.pricing_model,
    a.pricing_type, a.campaign_id, a.message_id, a.source_ref,
    b.balance - s.total + sum(a.amount) over (partition by a.tenant_id order by a.occurred_at, a.source_ref rows unbounded preceding),
    a.reason, a.occurred_at
  from amounts a join sums s on s.tenant_id = a.tenant_id join bal b on b.tenant_id = a.tenant_id
  on conflict (source_ref) do nothing
  returning tenant_id, campaign_id, message_id, amount
),
msg as (
  update campaign_messages m set cost = -i.amount from ins i where m.id = i.message_id returning m.id
),
spent as (select campaign_id, tenant_id, -sum(amount) as spent from ins where campaign_id is not null group by 1, 2),
holds as (
  update credit_holds h set consumed = h.consumed + s.spent, updated_at = now()
  from spent s where h.campaign_id = s.campaign_id returning h.campaign_id, h.amount, h.consumed
),
open_holds as (
  select h.tenant_id, sum(greatest(h.amount - h.consumed, 0)) as held from credit_holds h join campaigns oc on oc.id = h.campaign_id
  where h.tenant_id in (select tenant_id from spent) and h.released_at is null and oc.status in ('SCHEDULED', 'RUNNING', 'PAUSED')
  group by h.tenant_id
),
state as (
  select s.campaign_id, s.spent,
    t.credit_limit is not null and (h.campaign_id is null or h.consumed >= h.amount)
      and t.credit_limit + b.balance - greatest(coalesce(o.held, 0) - coalesce(greatest(h.amount - h.consumed + s.spent, 0), 0), 0) <= 0 as exhausted
  from spent s join tenants t on t.id = s.tenant_id join bal b on b.tenant_id = s.tenant_id
  left join holds h on h.campaign_id = s.campaign_id left join open_holds o on o.tenant_id = s.tenant_id
),
camp as (
  update campaigns x set actual_cost = x.actual_cost + st.spent, updated_at = now(),
    status = case when st.exhausted and x.status = 'RUNNING' then 'PAUSED' else x.status end,
    status_code = case when st.exhausted and x.status = 'RUNNING' then ? else x.status_code end,
    status_reason = case when st.exhausted and x.status = 'RUNNING'
      then ? else x.status_reason end
  from state st join campaigns o on o.id = st.campaign_id where x.id = st.campaign_id
  returning x.id, x.tenant_id, (st.exhausted and o.status = 'RUNNING') as paused
)
select (select count(*) from ins)::int as entries, (select coalesce(sum(-amount), 0) from ins)::text as total,
  (select count(*) from convs)::int as conversations,
  (select coalesce(json_agg(json_build_object('campaignId', id, 'tenantId', tenant_id)), '[]'::json) from camp where paused) as paused`;
