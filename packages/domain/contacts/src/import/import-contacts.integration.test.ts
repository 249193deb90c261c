/**
 * Imports against the real PostgreSQL: 20k rows with bad and duplicate rows, merging with
 * existing contacts, opt-outs kept, a target list, and tenants kept apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contact, ContactList, createOrm, Tenant, type MikroORM } from '@dbulk/db';
import { testStack, unique } from '@dbulk/testing';
import type { ContactsActor } from '../contacts.actor';
import { importContacts } from './import-contacts';
import { importById, watchImport } from './imports.service';

let orm: MikroORM;
const tenants: string[] = [];

beforeAll(async () => {
  orm = await createOrm({ url: testStack().databaseUrl, poolMax: 4 });
});
afterAll(async () => {
  if (tenants.length)
    await orm.em.fork().execute('delete from tenants where id = any(?::uuid[])', [`{${tenants.join(',')}}`]);
  await orm.close(true);
});

async function tenant(): Promise<ContactsActor> {
  const em = orm.em.fork();
  const row = em.create(Tenant, { name: unique('contacts'), defaultCountry: 'DE' });
  await em.flush();
  tenants.push(row.id);
  return {
    tenantId: row.id,
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'importer@example.test',
    ip: null,
  };
}

async function* chunks(text: string, size = 16_384) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const mobile = (i: number) => `15${String(10_000_000 + i).padStart(9, '0')}`;

describe('importContacts', () => {
  it('imports 20k rows: bad rows reported, duplicates merged, existing contacts merged and opt-outs kept', async () => {
    const a = await tenant();
    const b = await tenant();
    const em = orm.em.fork();
    const existingPhone = `+49${mobile(5)}`;
    em.create(Contact, {
      tenant: a.tenantId,
      phone: existingPhone,
      name: 'Old Name',
      tags: ['old'],
      attributes: { plan: 'gold', city: 'Bonn' },
      optedOutAt: new Date('2026-01-01T00:00:00Z'),
    });
    em.create(Contact, { tenant: b.tenantId, phone: existingPhone, name: 'B keeps this', tags: ['b'] });
    const list = em.create(ContactList, { tenant: a.tenantId, name: 'Spring' });
    await em.flush();

    const lines = ['Phone;Name;Tags;City'];
    let bad = 0;
    let dupes = 0;
    for (let i = 0; i < 20_000; i++) {
      if (i % 50 === 49) {
        lines.push(`not-a-number-${i};Bad;;X`);
        bad++;
      } else if (i % 40 === 39) {
        lines.push(`+49 ${mobile(i - 1)};;dup;Later City`);
        dupes++;
      } else if (i === 5) {
        lines.push(`0${mobile(5)};;new;Köln`);
      } else {
        lines.push(i % 2 ? `0${mobile(i)};Person ${i};a|b;"Town; ${i}"` : `+49${mobile(i)};Person ${i};;`);
      }
    }
    lines.push('123;Too short;;');
    bad++;
    // The existing contact again, far from its first row: another batch merges it a second time.
    lines.push(`+49${mobile(5)};;late;`);
    dupes++;
    const text = '\uFEFF' + lines.join('\r\n') + '\r\n';

    const result = await importContacts(
      em,
      a,
      {
        fileName: 'spring.csv',
        bytesTotal: Buffer.byteLength(text),
        listId: list.id,
        mapping: {},
        batchRows: 3_000,
      },
      chunks(text),
    );

    const valid = 20_002 - bad;
    expect(result).toMatchObject({
      status: 'COMPLETED',
      rowsRead: 20_002,
      rejected: bad,
      duplicates: dupes,
      created: valid - dupes - 1,
      updated: 1,
      bytesRead: Buffer.byteLength(text),
    });
    expect(result.errors).toHaveLength(bad);
    expect(result.errors[0]).toEqual({
      line: 51,
      reason: expect.stringContaining('characters other than digits'),
      value: 'not-a-number-49',
    });
    expect(result.errors.at(-1)).toMatchObject({ line: 20_002, value: '123' });

    const count = await em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from contacts where tenant_id = ?', [a.tenantId]);
    expect(count[0]!.n).toBe(valid - dupes);
    const members = await em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from contact_list_members where list_id = ?', [
        list.id,
      ]);
    expect(members[0]!.n).toBe(valid - dupes);

    const merged = await em.fork().findOneOrFail(Contact, { tenant: a.tenantId, phone: existingPhone });
    expect(merged).toMatchObject({
      name: 'Old Name',
      tags: ['late', 'new', 'old'],
      attributes: { plan: 'gold', city: 'Köln' },
    });
    expect(merged.optedOutAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');

    const dupTarget = await em
      .fork()
      .findOneOrFail(Contact, { tenant: a.tenantId, phone: `+49${mobile(38)}` });
    expect(dupTarget).toMatchObject({ name: 'Person 38', tags: ['dup'], attributes: { city: 'Later City' } });
    const quoted = await em.fork().findOneOrFail(Contact, { tenant: a.tenantId, phone: `+49${mobile(1)}` });
    expect(quoted).toMatchObject({
      name: 'Person 1',
      tags: ['a', 'b'],
      attributes: { city: 'Town; 1' },
      optInSource: 'csv:spring.csv',
    });

    const other = await em.fork().find(Contact, { tenant: b.tenantId });
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ name: 'B keeps this', tags: ['b'] });
    await expect(importById(em, b.tenantId, result.id)).rejects.toThrow(/does not exist/);
  });

  it('runs two imports of one tenant one after the other, so overlapping phones never deadlock', async () => {
    const a = await tenant();
    const file = (from: number) =>
      'phone\n' + Array.from({ length: 4000 }, (_, i) => `+49${mobile(from + i)}`).join('\n');
    const input = { fileName: 'x.csv', bytesTotal: null, listId: null, mapping: {}, batchRows: 1000 };
    const [first, second] = await Promise.all([
      importContacts(orm.em.fork(), a, input, chunks(file(0))),
      importContacts(orm.em.fork(), a, input, chunks(file(2000))),
    ]);
    expect(first.created + second.created).toBe(6000);
    expect(first.updated + second.updated).toBe(2000);
  });

  it('fails an import whose file has no phone column, naming it, and keeps nothing', async () => {
    const a = await tenant();
    const em = orm.em.fork();
    await expect(
      importContacts(
        em,
        a,
        { fileName: 'x.csv', bytesTotal: null, listId: null, mapping: {} },
        chunks('name,city\nAna,Bonn\n'),
      ),
    ).rejects.toThrow(
      'the CSV header has no phone column; name one "phone" or map it (columns: "name", "city")',
    );
    const [row] = await em
      .fork()
      .execute<{ status: string; error_message: string }[]>(
        'select status, error_message from contact_imports where tenant_id = ?',
        [a.tenantId],
      );
    expect(row).toMatchObject({
      status: 'FAILED',
      error_message: expect.stringContaining('no phone column'),
    });
  });

  it('streams progress to a watcher while the upload is still arriving', async () => {
    const a = await tenant();
    const em = orm.em.fork();
    const importId = crypto.randomUUID();
    async function* slow() {
      yield Buffer.from('phone,name\n');
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => setTimeout(r, 250));
        yield Buffer.from(Array.from({ length: 500 }, (_, j) => `+49${mobile(i * 1000 + j)},P\n`).join(''));
      }
    }
    const seen: Array<{ status: string; rowsRead: number }> = [];
    const watching = (async () => {
      for await (const snapshot of watchImport(em, a.tenantId, importId, { intervalMs: 100 }))
        seen.push(snapshot);
    })();
    const done = await importContacts(
      em,
      a,
      { fileName: 'slow.csv', bytesTotal: null, listId: null, mapping: {}, importId },
      slow(),
    );
    await watching;
    expect(done).toMatchObject({ id: importId, created: 3000, status: 'COMPLETED' });
    expect(seen.at(-1)).toMatchObject({ status: 'COMPLETED', rowsRead: 3000 });
    expect(seen.some((s) => s.status === 'RUNNING' && s.rowsRead > 0 && s.rowsRead < 3000)).toBe(true);
  });
});
