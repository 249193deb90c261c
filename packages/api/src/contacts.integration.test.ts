/**
 * Contacts, lists and imports through createCaller against the real PostgreSQL: manual add and
 * edit with normalisation, opt out and back in with suppressions, lists with counts, filters and
 * paging, and another tenant seeing none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContacts } from '@dbulk/domain-contacts';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

let api: TestApi;
let owner: TestBrowser;
let other: TestBrowser;
let tenantId: string;
let userId: string;

beforeAll(async () => {
  api = await createTestApi();
  owner = api.browser();
  const signedUp = await owner.signUp();
  tenantId = signedUp.tenantId;
  userId = signedUp.userId;
  await api.orm.em.fork().execute(`update tenants set default_country = 'DE' where id = ?`, [tenantId]);
  other = api.browser();
  await other.signUp();
}, 60_000);
afterAll(() => api?.close());

const c = async (browser = owner) => (await browser.tenant()).contacts;
const l = async (browser = owner) => (await browser.tenant()).lists;

describe('contacts procedures', () => {
  it('adds a contact with its national number normalised, and edits it', async () => {
    const created = await (
      await c()
    ).create({
      phone: '0151 2345 6789',
      name: ' Ana ',
      tags: ['vip', 'vip', 'new'],
      attributes: { city: 'Bonn' },
    });
    expect(created).toMatchObject({
      phone: '+4915123456789',
      name: 'Ana',
      tags: ['new', 'vip'],
      attributes: { city: 'Bonn' },
      optedOutAt: null,
      suppressions: [],
      optInSource: 'manual',
    });

    const updated = await (
      await c()
    ).update({ contactId: created.id, phone: '+49 151 2345 6780', name: 'Ana B', tags: ['vip'] });
    expect(updated).toMatchObject({
      phone: '+4915123456780',
      name: 'Ana B',
      tags: ['vip'],
      attributes: { city: 'Bonn' },
    });
    expect(await (await c()).byId({ contactId: created.id })).toEqual(updated);
  });

  it('names the phone field when a number is invalid or already taken', async () => {
    const bad = await (
      await c()
    )
      .create({ phone: 'abc' })
      .catch((e: { cause?: { code: string; details: unknown } }) => e.cause);
    expect(bad).toMatchObject({ code: 'CONTACT_PHONE_INVALID', details: { field: 'phone' } });
    await (await c()).create({ phone: '+4915120000001' });
    const taken = await (
      await c()
    )
      .create({ phone: '0151 20000001' })
      .catch((e: { cause?: { code: string } }) => e.cause);
    expect(taken).toMatchObject({ code: 'CONTACT_PHONE_EXISTS' });
  });

  it('opts a contact out with a manual suppression and back in lifting it', async () => {
    const contact = await (await c()).create({ phone: '+4915120000002' });
    const out = await (
      await c()
    ).setOptOut({ contactId: contact.id, optedOut: true, reason: 'asked by phone' });
    expect(out.optedOutAt).not.toBeNull();
    expect(out.suppressions).toEqual(['all']);
    const rows = await api.orm.em
      .fork()
      .execute<{ scope: string; source: string; lifted_at: Date | null }[]>(
        'select scope, source, lifted_at from suppressions where tenant_id = ? and phone = ?',
        [tenantId, contact.phone],
      );
    expect(rows).toEqual([{ scope: 'all', source: 'manual', lifted_at: null }]);
    expect((await (await c()).list({ optedOut: true, limit: 25 })).items.map((x) => x.id)).toContain(
      contact.id,
    );

    const back = await (await c()).setOptOut({ contactId: contact.id, optedOut: false });
    expect(back).toMatchObject({ optedOutAt: null, suppressions: [] });
    const lifted = await api.orm.em
      .fork()
      .execute<{ n: number }[]>(
        'select count(*)::int as n from suppressions where tenant_id = ? and phone = ? and lifted_at is null',
        [tenantId, contact.phone],
      );
    expect(lifted[0]!.n).toBe(0);
  });

  it('keeps lists with member counts and filters contacts by list, tag and search with cursor paging', async () => {
    const list = await (await l()).create({ name: 'Newsletter' });
    const dupe = await (
      await l()
    )
      .create({ name: 'Newsletter' })
      .catch((e: { cause?: { code: string } }) => e.cause);
    expect(dupe).toMatchObject({ code: 'CONTACT_LIST_EXISTS' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await (await c()).create({ phone: `+491513000000${i}`, name: `Paging ${i}`, tags: ['paging'] })).id,
      );
    expect(await (await l()).addContacts({ listId: list.id, contactIds: [...ids, ids[0]!] })).toEqual({
      added: 5,
    });
    expect(await (await l()).removeContacts({ listId: list.id, contactIds: [ids[4]!] })).toEqual({
      removed: 1,
    });
    expect((await (await l()).list()).find((x) => x.id === list.id)).toMatchObject({
      name: 'Newsletter',
      members: 4,
    });

    const first = await (await c()).list({ listId: list.id, limit: 3 });
    expect(first.items.map((x) => x.phone)).toEqual(['+4915130000000', '+4915130000001', '+4915130000002']);
    const second = await (await c()).list({ listId: list.id, limit: 3, cursor: first.nextCursor! });
    expect(second).toMatchObject({
      items: [{ phone: '+4915130000003', listIds: [list.id] }],
      nextCursor: null,
    });
    expect(
      (await (await c()).list({ tag: 'paging', search: 'Paging 4', limit: 25 })).items.map((x) => x.id),
    ).toEqual([ids[4]]);
    expect((await (await c()).list({ search: '30000002', limit: 25 })).items.map((x) => x.id)).toEqual([
      ids[2],
    ]);

    const renamed = await (await l()).rename({ listId: list.id, name: 'Weekly' });
    expect(renamed).toMatchObject({ name: 'Weekly', members: 4 });
    await (await l()).delete({ listId: list.id });
    expect((await (await l()).list()).some((x) => x.id === list.id)).toBe(false);
    expect((await (await c()).byId({ contactId: ids[0]! })).listIds).toEqual([]);
  });

  it('lists imports and shows one by id, and another tenant sees none of it', async () => {
    const actor = { tenantId, userId, email: null, ip: null };
    async function* body() {
      yield Buffer.from('phone;name\n+4915140000001;Imported\nnope;Bad\n');
    }
    const done = await importContacts(
      api.orm.em.fork(),
      actor,
      { fileName: 'few.csv', bytesTotal: null, listId: null, mapping: {} },
      body(),
    );
    expect(done).toMatchObject({ created: 1, rejected: 1, errors: [{ line: 3, value: 'nope' }] });
    const imports = await (await owner.tenant()).imports.list();
    expect(imports[0]).toMatchObject({ id: done.id, status: 'COMPLETED', fileName: 'few.csv' });
    expect(await (await owner.tenant()).imports.byId({ importId: done.id })).toMatchObject({ created: 1 });

    const snapshots = [];
    for await (const snapshot of await (await owner.tenant()).imports.onProgress({ importId: done.id }))
      snapshots.push(snapshot);
    expect(snapshots).toMatchObject([{ status: 'COMPLETED', created: 1 }]);

    expect(await codeOf((await other.tenant()).imports.byId({ importId: done.id }))).toBe('NOT_FOUND');
    expect(await (await other.tenant()).imports.list()).toEqual([]);
    expect((await (await c(other)).list({ limit: 100 })).items).toEqual([]);
    expect(await (await l(other)).list()).toEqual([]);
  });

  it('lets viewers read but not write', async () => {
    const viewer = api.browser();
    const invite = await (
      await owner.tenant()
    ).members.invite({ email: `viewer-${Date.now()}@example.test`, role: 'viewer' });
    const email = (
      await api.orm.em
        .fork()
        .execute<{ email: string }[]>('select email from invitations where id = ?', [invite.invitationId])
    )[0]!.email;
    await viewer.signUp({ email, invitationToken: invite.token });
    expect(await codeOf((await c(viewer)).list({ limit: 5 }))).toBe('OK');
    expect(await codeOf((await c(viewer)).create({ phone: '+4915150000001' }))).toBe('FORBIDDEN');
  });
});
