/**
 * Admin view and control of per-number send rates: every connected number with its tenant,
 * Meta's throughput, the limiter's current rate, the admin's ceiling and what it sent in the
 * last minute; setting a ceiling is audited and announced on dbulk.control so senders apply it
 * within a second.
 */
import type { EntityManager } from '@dbulk/db';
import { notFound } from '@dbulk/errors';
import type { ControlRecord } from '@dbulk/kafka';
import { recordAudit, type AuditActor } from '@dbulk/domain-platform';

export interface NumberRateDto {
  accountId: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  tenantId: string;
  tenantName: string;
  /** Meta's throughput for the number (msg/s). */
  throughputMps: number;
  /** The limiter's current rate (msg/s); Meta's throughput until the sender has used the number. */
  rate: number;
  ceiling: number | null;
  lastThrottledAt: string | null;
  /** Messages Meta accepted from this number in the last 60 s. */
  sentLastMinute: number;
}

interface Row {
  account_id: string;
  phone_number_id: string;
  display_phone_number: string | null;
  tenant_id: string;
  tenant_name: string;
  throughput_mps: number;
  rate: number | null;
  ceiling: number | null;
  last_throttled_at: Date | null;
  sent_last_minute: string;
}

const SELECT = `select a.id as account_id, a.phone_number_id, a.display_phone_number, t.id as tenant_id, t.name as tenant_name,
    a.throughput_mps, r.rate, r.ceiling, r.last_throttled_at,
    (select count(*) from campaign_messages m join campaigns c on c.id = m.campaign_id
      where m.tenant_id = a.tenant_id and c.account_id = a.id and m.accepted_at > now() - interval '60 seconds')::text as sent_last_minute
  from whatsapp_accounts a join tenants t on t.id = a.tenant_id
  left join send_rates r on r.phone_number_id = a.phone_number_id
  where a.status = 'connected'`;

function toDto(r: Row): NumberRateDto {
  const ceiling = r.ceiling === null ? null : Number(r.ceiling);
  const rate = r.rate === null ? Number(r.throughput_mps) : Number(r.rate);
  return {
    accountId: r.account_id,
    phoneNumberId: r.phone_number_id,
    displayPhoneNumber: r.display_phone_number,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    throughputMps: Number(r.throughput_mps),
    rate: ceiling === null ? rate : Math.min(rate, ceiling),
    ceiling,
    lastThrottledAt: r.last_throttled_at ? new Date(r.last_throttled_at).toISOString() : null,
    sentLastMinute: Number(r.sent_last_minute),
  };
}

export async function listNumberRates(em: EntityManager): Promise<NumberRateDto[]> {
  const rows = await em.execute<Row[]>(`${SELECT} order by t.name, a.display_phone_number, a.phone_number_id`);
  return rows.map(toDto);
}

/** Publishes a control record (the api's producer); awaited after the change committed. */
export type PublishControl = (record: ControlRecord) => Promise<void>;

export async function setRateCeiling(
  em: EntityManager,
  actor: AuditActor,
  input: { phoneNumberId: string; ceiling: number | null },
  publish: PublishControl,
): Promise<NumberRateDto> {
  const dto = await em.transactional(async (tx) => {
    const [before] = await tx.execute<Row[]>(`${SELECT} and a.phone_number_id = ?`, [input.phoneNumberId]);
    if (!before) throw notFound('PHONE_NUMBER_NOT_FOUND', `no connected number with phone number id ${input.phoneNumberId}`);
    await tx.execute(
      `insert into send_rates (phone_number_id, rate, ceiling, updated_at) values (?, ?, ?, now())
       on conflict (phone_number_id) do update set ceiling = excluded.ceiling, updated_at = now(),
         rate = least(send_rates.rate, coalesce(excluded.ceiling, send_rates.rate))`,
      [input.phoneNumberId, Math.min(Number(before.throughput_mps), input.ceiling ?? Infinity), input.ceiling],
      'run',
    );
    await recordAudit(tx, actor, {
      tenantId: before.tenant_id,
      action: input.ceiling === null ? 'sending.rate_ceiling.lifted' : 'sending.rate_ceiling.set',
      targetType: 'phone_number',
      targetId: input.phoneNumberId,
      changes: { before: { ceiling: before.ceiling === null ? null : Number(before.ceiling) }, after: { ceiling: input.ceiling } },
    });
    const [after] = await tx.execute<Row[]>(`${SELECT} and a.phone_number_id = ?`, [input.phoneNumberId]);
    return toDto(after!);
  });
  await publish({ type: 'rate', phoneNumberId: input.phoneNumberId, rate: dto.ceiling ?? dto.throughputMps });
  return dto;
}
