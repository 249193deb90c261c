import { createOrm, type MikroORM } from '@dbulk/db';
import { testStack } from '@dbulk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, messagesValue, status } from './testing/fixtures';
import { createWorld, deleteWorlds, uniqueDigits, type TestWorld } from './testing/world';
import type { FailedInput, ParsedInput } from './webhooks.dto';
import { parseWebhookInput, processWebhooks } from './webhooks.service';

let orm: MikroORM;
const worlds: TestWorld[] = [];
/** WABAs no world owns (unroutable changes), cleaned up too. */
const strangers: string[] = [];

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 4 });
});

afterAll(async () => {
  await orm.em.fork().execute(`delete from webhook_events where waba_id in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(strangers)], 'run');
  await deleteWorlds(orm.em, worlds);
  await orm.close(true);
});

async function world(options: Parameters<typeof createWorld>[1] = {}) {
  const w = await createWorld(orm.em, options);
  worlds.push(w);
  return w;
}

function inputs(...bodies: string[]): ParsedInput<number>[] {
  return bodies.map((body, ref) => {
    const parsed = parseWebhookInput({ ref, source: `test@${ref}`, receivedAt: new Date(), body });
    if (!parsed.ok) throw parsed.error;
    return parsed.parsed;
  });
}

const rows = <T>(sql: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(sql, params);

describe('processWebhooks against PostgreSQL', () => {
  it('applies 1,000 statuses in one transaction, and a redelivery changes nothing', async () => {
    const w = await world({ templates: false });
    const statuses = Array.from({ length: 1_000 }, (_, i) =>
      status(`wamid.${w.wamidTag}.${i}`, i % 2 ? 'delivered' : 'sent', 1767264305 + i, { pricing: { pricing_model: 'PMP', type: 'regular', category: 'marketing' } }),
    );
    const body = envelope(w.wabaId, [messagesValue(w.phoneNumberId, { statuses })]);
    const started = performance.now();
    const first = await processWebhooks(orm.em.fork(), inputs(body));
    const ms = performance.now() - started;
    console.info(`1,000 statuses applied in ${ms.toFixed(0)} ms (${Math.round(1_000_000 / ms)} changes/s)`);
    expect(first).toMatchObject({ transactions: 1, carefulTransactions: 0 });
    expect(first.results.filter((r) => r.outcome === 'applied')).toHaveLength(1_000);

    const snapshot = () =>
      rows<{ n: string; processed: string; created: string }>(
        `select count(*) as n, max(processed_at)::text as processed, (select max(created_at)::text from message_events where tenant_id = ?) as created
         from webhook_events where waba_id = ?`,
        [w.tenantId, w.wabaId],
      );
    const before = await snapshot();
    const again = await processWebhooks(orm.em.fork(), inputs(body));
    expect(again.results.every((r) => r.outcome === 'duplicate')).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(before[0]!.n).toBe('1000');
  });

  it('fails only the change that does not fit, applies its neighbours and reports it for the DLQ', async () => {
    const w = await world({ templates: false });
    const body = envelope(w.wabaId, [
      messagesValue(w.phoneNumberId, { statuses: [status(`wamid.${w.wamidTag}.a`, 'sent', 1), status(`wamid.${w.wamidTag}.b`, 'x'.repeat(40), 2), status(`wamid.${w.wamidTag}.c`, 'read', 3)] }),
    ]);
    const failures: FailedInput<number>[] = [];
    const report = await processWebhooks(orm.em.fork(), inputs(body), { onFailures: async (f) => void failures.push(...f) });
    expect(report.carefulTransactions).toBe(1);
    expect(report.results.map((r) => r.outcome)).toEqual(['applied', 'failed', 'applied']);
    expect(failures).toEqual([expect.objectContaining({ failed: [expect.objectContaining({ note: expect.stringContaining('too long') })] })]);
    const events = await rows<{ outcome: string; error: string | null }>(`select outcome, error from webhook_events where waba_id = ? order by id`, [w.wabaId]);
    expect(events.map((e) => e.outcome).sort()).toEqual(['applied', 'applied', 'failed']);
    const messages = await rows<{ status: string }>(`select status from message_events where tenant_id = ? order by status`, [w.tenantId]);
    expect(messages.map((m) => m.status)).toEqual(['read', 'sent']);
  });

  it('keeps an unroutable change and applies it on a later delivery once the number is connected', async () => {
    const w = await world({ templates: false });
    const stranger = `${w.phoneNumberId.slice(0, -1)}${(Number(w.phoneNumberId.at(-1)) + 1) % 10}`;
    // A WABA no one has: with the world's own WABA the change would route by WABA (1 run in 9
    // when the old `9…` prefix matched it).
    strangers.push(uniqueDigits(15));
    const body = envelope(strangers.at(-1)!, [messagesValue(stranger, { statuses: [status(`wamid.${w.wamidTag}.u`, 'sent', 1)] })]);
    const first = await processWebhooks(orm.em.fork(), inputs(body));
    expect(first.results).toEqual([expect.objectContaining({ outcome: 'unroutable', note: expect.stringContaining(`phone number id ${stranger} is not connected`) })]);
    expect((await processWebhooks(orm.em.fork(), inputs(body))).results[0]!.outcome).toBe('duplicate');

    await orm.em.fork().execute(`update whatsapp_accounts set phone_number_id = ? where id = ?`, [stranger, w.accountId]);
    const later = await processWebhooks(orm.em.fork(), inputs(body));
    expect(later.results[0]).toMatchObject({ outcome: 'applied' });
    const [row] = await rows<{ outcome: string; tenant_id: string; n: string }>(
      `select outcome, tenant_id, (select count(*) from webhook_events where dedupe_key = ?)::text as n from webhook_events where dedupe_key = ?`,
      [`status:wamid.${w.wamidTag}.u:sent`, `status:wamid.${w.wamidTag}.u:sent`],
    );
    expect(row).toEqual({ outcome: 'applied', tenant_id: w.tenantId, n: '1' });
  });

  it('does not let an older template event undo a newer one', async () => {
    const w = await world();
    const event = (name: string, time: number) =>
      envelope(w.wabaId, [{ field: 'message_template_status_update', value: { event: name, message_template_id: Number(w.templateIds[0]), reason: 'NONE' } }], time);
    await processWebhooks(orm.em.fork(), inputs(event('APPROVED', 1767180000)));
    const late = await processWebhooks(orm.em.fork(), inputs(event('PENDING', 1767170000)));
    expect(late.results[0]).toMatchObject({ outcome: 'ignored', note: expect.stringContaining('stale') });
    const [template] = await rows<{ status: string; versions: string }>(
      `select status, (select count(*) from template_versions where template_id = t.id)::text as versions from templates t where id = ?`,
      [w.templateRowIds[0]],
    );
    expect(template).toEqual({ status: 'APPROVED', versions: '1' });
  });

  it('applies category and quality updates, audits system errors and records what it does not handle', async () => {
    const w = await world();
    const tpl = Number(w.templateIds[0]);
    const body = envelope(
      w.wabaId,
      [
        { field: 'template_category_update', value: { message_template_id: tpl, new_category: 'UTILITY', correct_category: 'MARKETING', category_update_timestamp: 1767300000 } },
        { field: 'template_category_update', value: { message_template_id: tpl, previous_category: 'MARKETING', new_category: 'UTILITY' } },
        { field: 'message_template_quality_update', value: { message_template_id: tpl, previous_quality_score: 'GREEN', new_quality_score: 'YELLOW' } },
        { field: 'security', value: { event: 'PIN_CHANGED' } },
      ],
      1767210000,
    );
    const errors = envelope(w.wabaId, [messagesValue(w.phoneNumberId, { errors: [{ code: 131000, title: 'Something went wrong', error_data: { details: 'retry later' } }] })]);
    const report = await processWebhooks(orm.em.fork(), inputs(body, errors));
    expect(report.results.map((r) => [r.label, r.outcome])).toEqual([
      ['template_category.impending', 'ignored'],
      ['template_category.completed', 'applied'],
      ['template_quality.YELLOW', 'applied'],
      ['unknown', 'ignored'],
      ['system_error.131000', 'applied'],
    ]);
    const [template] = await rows<{ category: string; quality_score: string }>(`select category, quality_score from templates where id = ?`, [w.templateRowIds[0]]);
    expect(template).toEqual({ category: 'UTILITY', quality_score: 'YELLOW' });
    const audit = await rows<{ action: string; changes: Record<string, unknown> }>(`select action, changes from audit_logs where tenant_id = ? order by id`, [w.tenantId]);
    expect(audit).toEqual([
      { action: 'template.recategorized', changes: { before: { category: 'MARKETING' }, after: expect.objectContaining({ category: 'UTILITY' }) } },
      { action: 'whatsapp.system_error', changes: { after: { code: 131000, title: 'Something went wrong', details: 'retry later' } } },
    ]);
    const ignored = await rows<{ kind: string; error: string }>(`select kind, error from webhook_events where waba_id = ? and outcome = 'ignored' order by kind`, [w.wabaId]);
    expect(ignored).toEqual([
      { kind: 'template_category.impending', error: expect.stringContaining('will recategorise it as MARKETING at 2026-01-01T20:40:00.000Z') },
      { kind: 'unknown', error: 'security: a field or item dbulk does not handle; kept as received' },
    ]);
  });
});
