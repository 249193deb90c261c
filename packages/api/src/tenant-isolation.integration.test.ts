/**
 * The tenant-isolation harness. It walks EVERY procedure of both routers; each one whose input
 * names a resource (a field ending in `Id` or `token`) is called by an owner of tenant A with
 * tenant B's resource and must answer FORBIDDEN or NOT_FOUND, leaving B unchanged. Procedures
 * added later are covered without new test code; a new kind of id fails loudly until it gets
 * a fixture below.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditLog, Campaign, Invitation, Membership, Template, WhatsappAccount } from '@dbulk/db';
import { sealToken, tokenContext } from '@dbulk/domain-whatsapp';
import { uniqueEmail } from '@dbulk/testing';
import { adminRouter, tenantRouter } from './root';
import { codeOf, createTestApi, type TestApi, type TestBrowser } from './test/test-api';

/** Fields that look like ids but point at no tenant-owned resource. */
// accessToken is a credential the caller brings, checked by Meta, not a dbulk resource.
const NOT_RESOURCES = new Set(['lastEventId', 'cursor', 'accessToken']);
/**
 * Procedures where holding the token IS the permission, by design: an invitation link shows
 * the invitee, before they have an account, whom they are about to join.
 */
const CAPABILITY_PROCEDURES: Record<string, string> = {
  'invitations.byToken': 'the invitation link is the capability; it reveals only tenant name, invited email and role',
};
/**
 * Meta's own ids. Whoever holds a token for them at Meta owns them there; dbulk must still
 * never let a second tenant take or change a number another tenant has connected.
 */
const EXTERNAL_IDS = new Set(['wabaId', 'phoneNumberId']);
const isResourceField = (key: string) => !NOT_RESOURCES.has(key) && /(Id|token|Token)$/.test(key);

type JsonSchema = { examples?: unknown[]; type?: string; format?: string; pattern?: string; enum?: unknown[]; minLength?: number; minimum?: number; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[]; default?: unknown };

/**
 * A valid value for a JSON schema (required properties only): ids are overwritten after.
 * Fields with a pattern must carry `.meta({ examples: [...] })` in their zod schema.
 */
function sample(schema: JsonSchema, key = ''): unknown {
  if (schema.anyOf) return sample(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, key);
  if (schema.enum) return schema.enum[0];
  if (schema.examples?.length) return schema.examples[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, sample(schema.properties![key]!, key)]));
    case 'string':
      if (schema.format === 'email' || /email/i.test(key)) return uniqueEmail('harness');
      if (schema.format === 'uuid') return randomUUID();
      if (schema.pattern === '^\\d+$') return '1';
      return 'harness-value'.padEnd(Math.max(schema.minLength ?? 0, 13), 'x');
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return schema.default ?? null;
  }
}

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] };
}

function proceduresOf(router: { _def: { procedures: Record<string, unknown> } }) {
  return Object.entries(router._def.procedures).map(([path, proc]) => {
    const def = (proc as ProcedureDef)._def;
    const input = def.inputs[0];
    const schema = input ? (z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : null;
    const properties = schema?.properties ?? schema?.anyOf?.find((s) => s.properties)?.properties ?? {};
    return { path, type: def.type, schema, resourceFields: Object.keys(properties).filter(isResourceField) };
  });
}

async function call(caller: unknown, path: string, input: unknown) {
  const fn = path.split('.').reduce((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(input);
}

describe('tenant isolation', () => {
  let api: TestApi;
  let alice: TestBrowser;
  const b: Record<string, string> = {};

  beforeAll(async () => {
    api = await createTestApi();
    alice = api.browser();
    await alice.signUp({ tenantName: 'Tenant A' });
    const bob = api.browser();
    const bobAccount = await bob.signUp({ tenantName: 'Tenant B' });
    const carol = api.browser();
    const invite = await (await bob.tenant()).members.invite({ email: uniqueEmail('carol'), role: 'member' });
    const carolEmail = (await api.orm.em.fork().findOneOrFail(Invitation, { id: invite.invitationId })).email;
    const joined = await carol.signUp({ email: carolEmail, invitationToken: invite.token });
    const pending = await (await bob.tenant()).members.invite({ email: uniqueEmail('dave'), role: 'viewer' });
    // B's resources, by the input field names that carry them.
    b.tenantId = bobAccount.tenantId;
    b.userId = joined.userId;
    b.invitationId = pending.invitationId;
    b.token = pending.token;
    b.invitationToken = pending.token;
    // A connected WhatsApp number of B's (made directly: no Meta needed to own one).
    const em = api.orm.em.fork();
    const phoneNumberId = String(Date.now()).padStart(15, '9');
    const sealed = sealToken(api.deps.whatsapp.keyring, 'EAA-tenant-b-token', tokenContext(b.tenantId, phoneNumberId));
    const account = em.create(WhatsappAccount, {
      tenant: b.tenantId,
      wabaId: '900000000000001',
      phoneNumberId,
      accessTokenCiphertext: sealed.ciphertext,
      accessTokenKeyId: sealed.keyId,
    });
    await em.flush();
    b.accountId = account.id;
    b.wabaId = account.wabaId;
    b.phoneNumberId = phoneNumberId;
    // An approved template of B's on that number: a leak would reach Meta or change the row.
    const template = em.create(Template, {
      tenant: b.tenantId,
      account: account.id,
      wabaId: account.wabaId,
      name: 'tenant_b_template',
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hello from tenant B, thanks for reading this.' }],
      status: 'APPROVED',
      metaTemplateId: '1900000000000001',
    });
    await em.flush();
    b.templateId = template.id;
    // A contact, a list and an import of B's: A must neither read, change nor list-manage them.
    const one = async (sql: string) => (await em.execute<{ id: string }[]>(sql, [b.tenantId]))[0]!.id;
    b.contactId = await one(`insert into contacts (id, created_at, updated_at, tenant_id, phone, name) values (gen_random_uuid(), now(), now(), ?, '+4915199999999', 'tenant b contact') returning id`);
    b.listId = await one(`insert into contact_lists (id, created_at, updated_at, tenant_id, name) values (gen_random_uuid(), now(), now(), ?, 'tenant b list') returning id`);
    b.importId = await one(`insert into contact_imports (id, created_at, updated_at, tenant_id, file_name, status) values (gen_random_uuid(), now(), now(), ?, 'b.csv', 'COMPLETED') returning id`);
    // A draft campaign of B's on that template: A must neither read, start nor cancel it.
    const campaign = em.create(Campaign, { tenant: b.tenantId, name: 'tenant_b_campaign', account: account.id, template: template.id });
    await em.flush();
    b.campaignId = campaign.id;
  }, 60_000);
  afterAll(() => api?.close());

  it('rejects every tenant procedure that is given another tenant’s resource', async () => {
    const covered: string[] = [];
    for (const proc of proceduresOf(tenantRouter)) {
      if (proc.resourceFields.length === 0 || proc.type === 'subscription' || proc.path in CAPABILITY_PROCEDURES) continue;
      const input = { ...(sample(proc.schema!) as object) } as Record<string, unknown>;
      for (const field of proc.resourceFields) {
        if (!(field in b)) throw new Error(`${proc.path}: no fixture for "${field}" — add tenant B's ${field} to the isolation harness`);
        input[field] = b[field];
      }
      const code = await codeOf(call(await alice.tenant(), proc.path, input));
      const onlyExternal = proc.resourceFields.every((field) => EXTERNAL_IDS.has(field));
      expect.soft(code, `${proc.path}(${JSON.stringify(input)})`).toMatch(onlyExternal ? /^(?!OK$)/ : /^(FORBIDDEN|NOT_FOUND)$/);
      covered.push(proc.path);
    }
    expect(covered).toEqual(
      expect.arrayContaining(['tenants.switch', 'members.changeRole', 'members.remove', 'members.revokeInvitation', 'invitations.accept', 'whatsapp.byId', 'whatsapp.disconnect', 'whatsapp.sendTest', 'templates.byId', 'templates.submit', 'templates.delete', 'templates.import', 'billing.ledger', 'billing.campaignCost']),
    );

    // Tenant B is exactly as it was.
    const em = api.orm.em.fork();
    expect(await em.count(Membership, { tenant: b.tenantId })).toBe(2);
    expect((await em.findOneOrFail(Membership, { tenant: b.tenantId!, user: b.userId! })).role).toBe('member');
    const invitation = await em.findOneOrFail(Invitation, { id: b.invitationId! });
    expect(invitation.revokedAt).toBeNull();
    expect(invitation.acceptedAt).toBeNull();
    const accountAfter = await em.findOneOrFail(WhatsappAccount, { id: b.accountId! });
    expect(accountAfter.status).toBe('connected');
    expect(accountAfter.tenant.id).toBe(b.tenantId);
    expect(await em.count(WhatsappAccount, { phoneNumberId: b.phoneNumberId! })).toBe(1);
    expect(await em.findOneOrFail(Template, { id: b.templateId! })).toMatchObject({ status: 'APPROVED', version: 1, name: 'tenant_b_template' });
    expect(await em.findOneOrFail(Campaign, { id: b.campaignId! })).toMatchObject({ status: 'DRAFT', name: 'tenant_b_campaign', total: 0 });
  });

  it('never lets a tenant read another tenant’s lists or audit trail', async () => {
    const caller = await alice.tenant();
    const members = await caller.members.list();
    expect(members.map((m) => m.userId)).not.toContain(b.userId);
    const audit = await caller.audit.list({ limit: 100 });
    expect(audit.items.every((item) => item.tenantId !== b.tenantId)).toBe(true);
    expect(await api.orm.em.fork().count(AuditLog, { tenantId: b.tenantId })).toBeGreaterThan(0);
  });

  it('answers FORBIDDEN to a tenant user for every admin procedure', async () => {
    for (const proc of proceduresOf(adminRouter)) {
      if (proc.path.startsWith('auth.') || proc.type === 'subscription') continue;
      const input = proc.schema ? (sample(proc.schema) as Record<string, unknown>) : undefined;
      for (const field of proc.resourceFields) if (input && field in b) input[field] = b[field];
      expect.soft(await codeOf(call(await alice.admin(), proc.path, input)), proc.path).toBe('FORBIDDEN');
    }
  });
});
