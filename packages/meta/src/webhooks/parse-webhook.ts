/**
 * Raw webhook body → flat list of typed changes (webhook-change.ts). Throws only when the body
 * is not JSON or not an envelope; inside it, each status/message/event is parsed on its own,
 * unknown fields and types are kept (`unknown`), and broken items become `invalid` changes.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/overview
 */
import { AppError } from '@dbulk/errors';
import { z } from 'zod';
import { AccountUpdate, BusinessCapabilityUpdate, PhoneNumberQualityUpdate, UserPreference } from './account.schema';
import { Metadata, WebhookContact, WebhookError } from './common.schema';
import { canonicalJson, parseWebhookJson, sha256Hex, WebhookEnvelope } from './envelope.schema';
import { parseInboundMessage } from './inbound.schema';
import { MessageStatus } from './status.schema';
import { categoryUpdatePhase, TemplateCategoryUpdate, TemplateQualityUpdate, TemplateStatusUpdate } from './template.schema';
import type { ChangeBase, ParsedWebhook, WebhookChange } from './webhook-change';

type Ctx = Omit<ChangeBase, 'dedupeKey'>;

const issuesOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`);
const hashKey = (ctx: Ctx, kind: string, value: unknown) =>
  `${ctx.field}:${sha256Hex(canonicalJson({ kind, phoneNumberId: ctx.phoneNumberId, value }))}:${ctx.entryTime ?? 0}`;
const invalid = (ctx: Ctx, value: unknown, error: z.ZodError): WebhookChange => ({
  ...ctx, kind: 'invalid', value, issues: issuesOf(error), dedupeKey: `invalid:${hashKey(ctx, 'invalid', value)}`,
});
const templateKey = (ctx: Ctx, id: string, event: string, value: unknown) =>
  `template:${id}:${event}:${ctx.entryTime ?? sha256Hex(canonicalJson(value))}`;

/** Fields with one flat value → one change. */
const FLAT = new Map<string, (ctx: Ctx, value: unknown) => WebhookChange>(Object.entries({
  message_template_status_update: (ctx, raw) => {
    const r = TemplateStatusUpdate.safeParse(raw);
    if (!r.success) return invalid(ctx, raw, r.error);
    const id = r.data.message_template_id;
    return { ...ctx, kind: 'template_status', templateId: id, value: r.data, dedupeKey: templateKey(ctx, id, r.data.event, raw) };
  },
  template_category_update: (ctx, raw) => {
    const r = TemplateCategoryUpdate.safeParse(raw);
    if (!r.success) return invalid(ctx, raw, r.error);
    const id = r.data.message_template_id;
    const phase = categoryUpdatePhase(r.data);
    return { ...ctx, kind: 'template_category', templateId: id, phase, value: r.data, dedupeKey: templateKey(ctx, id, `category_${phase}`, raw) };
  },
  message_template_quality_update: (ctx, raw) => {
    const r = TemplateQualityUpdate.safeParse(raw);
    if (!r.success) return invalid(ctx, raw, r.error);
    const id = r.data.message_template_id;
    return { ...ctx, kind: 'template_quality', templateId: id, value: r.data, dedupeKey: templateKey(ctx, id, `quality_${r.data.new_quality_score}`, raw) };
  },
  phone_number_quality_update: (ctx, raw) => {
    const r = PhoneNumberQualityUpdate.safeParse(raw);
    if (!r.success) return invalid(ctx, raw, r.error);
    const c = { ...ctx, displayPhoneNumber: r.data.display_phone_number };
    return { ...c, kind: 'phone_quality', value: r.data, dedupeKey: hashKey(c, 'phone_quality', raw) };
  },
  business_capability_update: (ctx, raw) => {
    const r = BusinessCapabilityUpdate.safeParse(raw);
    return r.success ? { ...ctx, kind: 'capability', value: r.data, dedupeKey: hashKey(ctx, 'capability', raw) } : invalid(ctx, raw, r.error);
  },
  account_update: (ctx, raw) => {
    const r = AccountUpdate.safeParse(raw);
    return r.success ? { ...ctx, kind: 'account', value: r.data, dedupeKey: hashKey(ctx, 'account', raw) } : invalid(ctx, raw, r.error);
  },
} satisfies Record<string, (ctx: Ctx, value: unknown) => WebhookChange>));

/** messages and user_preferences: metadata + contacts + arrays of items. */
const ItemsValue = z.looseObject({ metadata: Metadata.optional(), contacts: z.array(z.unknown()).optional() });
const ITEM_KEYS = new Set(['messaging_product', 'metadata', 'contacts', 'statuses', 'messages', 'errors', 'user_preferences']);

function items(value: Record<string, unknown>, key: string): unknown[] {
  const list = value[key];
  return Array.isArray(list) ? list : [];
}

function contactFor(contacts: WebhookContact[], waId: string | undefined, userId: string | undefined) {
  return contacts.find((c) => (waId && c.wa_id === waId) || (userId && c.user_id === userId)) ?? (contacts.length === 1 ? contacts[0] : undefined);
}

function parseItems(base: Ctx, raw: unknown, out: WebhookChange[]): void {
  const v = ItemsValue.safeParse(raw);
  if (!v.success) return void out.push(invalid(base, raw, v.error));
  const value = v.data as Record<string, unknown> & z.output<typeof ItemsValue>;
  const ctx: Ctx = { ...base, phoneNumberId: value.metadata?.phone_number_id, displayPhoneNumber: value.metadata?.display_phone_number };
  const contacts = (value.contacts ?? []).flatMap((c) => {
    const r = WebhookContact.safeParse(c);
    return r.success ? [r.data] : [];
  });
  const before = out.length;
  for (const s of items(value, 'statuses')) {
    const r = MessageStatus.safeParse(s);
    if (!r.success) { out.push(invalid(ctx, s, r.error)); continue; }
    const code = r.data.status === 'failed' ? r.data.errors?.[0]?.code : undefined;
    out.push({ ...ctx, kind: 'status', status: r.data, dedupeKey: `status:${r.data.id}:${r.data.status}${code === undefined ? '' : `:${code}`}` });
  }
  for (const m of items(value, 'messages')) {
    const r = parseInboundMessage(m);
    if (!r.ok) { out.push(invalid(ctx, m, r.error)); continue; }
    const contact = contactFor(contacts, r.message.from, r.message.from_user_id);
    out.push({ ...ctx, kind: 'inbound', message: r.message, contact, dedupeKey: `inbound:${r.message.id}` });
  }
  for (const e of items(value, 'errors')) {
    const r = WebhookError.safeParse(e);
    out.push(r.success ? { ...ctx, kind: 'system_error', error: r.data, dedupeKey: hashKey(ctx, 'system_error', e) } : invalid(ctx, e, r.error));
  }
  for (const p of items(value, 'user_preferences')) {
    const r = UserPreference.safeParse(p);
    if (!r.success) { out.push(invalid(ctx, p, r.error)); continue; }
    const user = r.data.wa_id ?? r.data.user_id;
    if (!user) { out.push(invalid(ctx, p, new z.ZodError([{ code: 'custom', path: ['wa_id'], message: 'neither wa_id nor user_id', input: p }]))); continue; }
    const { category, value: choice, timestamp } = r.data;
    const contact = contactFor(contacts, r.data.wa_id, r.data.user_id);
    out.push({ ...ctx, kind: 'user_preference', preference: r.data, contact, dedupeKey: `pref:${user}:${category}:${choice}:${timestamp}` });
  }
  // Data beside the keys above (a new item type) or nothing at all: keep it, never drop it.
  const extra = Object.fromEntries(Object.entries(value).filter(([k]) => !ITEM_KEYS.has(k)));
  if (Object.keys(extra).length > 0 || out.length === before) {
    const kept = out.length === before ? raw : { metadata: value.metadata, ...extra };
    out.push({ ...ctx, kind: 'unknown', value: kept, dedupeKey: hashKey(ctx, 'unknown', kept) });
  }
}

export class WebhookParseError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('META_WEBHOOK_INVALID', 'invalid', message, { cause });
    this.name = 'WebhookParseError';
  }
}

export function parseWebhook(raw: string | Uint8Array): ParsedWebhook {
  let json: unknown;
  try {
    json = parseWebhookJson(raw);
  } catch (err) {
    throw new WebhookParseError(`webhook body is not JSON: ${(err as Error).message}`, err);
  }
  const envelope = WebhookEnvelope.safeParse(json);
  if (!envelope.success) throw new WebhookParseError(`webhook body is not an envelope: ${issuesOf(envelope.error).join('; ')}`, envelope.error);
  const changes: WebhookChange[] = [];
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      const ctx: Ctx = { wabaId: entry.id, field: change.field, entryTime: entry.time, phoneNumberId: undefined, displayPhoneNumber: undefined };
      const flat = FLAT.get(change.field);
      if (flat) changes.push(flat(ctx, change.value));
      else if (change.field === 'messages' || change.field === 'user_preferences') parseItems(ctx, change.value, changes);
      else changes.push({ ...ctx, kind: 'unknown', value: change.value, dedupeKey: hashKey(ctx, 'unknown', change.value) });
    }
  }
  return { object: envelope.data.object, changes };
}
