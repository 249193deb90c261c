/**
 * Reads a `POST /{phone-number-id}/messages` body with Meta's error for each mistake.
 * Template and text messages are simulated in full; the other documented types are accepted as
 * service (non-template) messages, which need an open customer-service window.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/reference/whatsapp-business-phone-number/message-api
 */
import { invalidParameter } from '../graph/errors';

export interface SendRequest {
  to: string;
  type: string;
  text: string | null;
  template: { name: string; language: string; components: unknown } | null;
  bizOpaqueCallbackData: string | null;
}

const TYPES = ['text', 'template', 'image', 'document', 'video', 'audio', 'sticker', 'interactive', 'location', 'contacts', 'reaction'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const missing = (name: string) => invalidParameter(`The parameter ${name} is required.`);

export function parseSendRequest(body: unknown): SendRequest {
  if (!isObject(body) || body.messaging_product === undefined) throw missing('messaging_product');
  if (String(body.messaging_product).toLowerCase() !== 'whatsapp') {
    throw invalidParameter(`Param messaging_product must be one of {WHATSAPP} - got "${String(body.messaging_product)}".`);
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual' && body.recipient_type !== 'group') {
    throw invalidParameter(`Param recipient_type must be one of {INDIVIDUAL, GROUP} - got "${String(body.recipient_type)}".`);
  }
  if (typeof body.to !== 'string' || body.to === '') throw missing('to');
  const type = body.type === undefined ? 'text' : String(body.type);
  if (!TYPES.includes(type)) throw invalidParameter(`Param type must be one of {${TYPES.map((t) => t.toUpperCase()).join(', ')}} - got "${type}".`);
  const opaque = body.biz_opaque_callback_data;
  if (opaque !== undefined && (typeof opaque !== 'string' || opaque.length > 512)) {
    throw invalidParameter('Param biz_opaque_callback_data must be a string of at most 512 characters.');
  }
  const request: SendRequest = { to: body.to, type, text: null, template: null, bizOpaqueCallbackData: opaque ?? null };
  if (type === 'text') request.text = parseText(body.text);
  else if (type === 'template') request.template = parseTemplate(body.template);
  else if (!isObject(body[type]) && !Array.isArray(body[type])) throw missing(type);
  return request;
}

function parseText(text: unknown): string {
  if (!isObject(text) || typeof text.body !== 'string' || text.body === '') throw missing("text['body']");
  if (text.body.length > 4096) throw invalidParameter("Param text['body'] must be at most 4096 characters long.");
  return text.body;
}

function parseTemplate(template: unknown): SendRequest['template'] {
  if (!isObject(template)) throw missing('template');
  if (typeof template.name !== 'string' || template.name === '') throw missing("template['name']");
  const language = isObject(template.language) ? template.language.code : undefined;
  if (typeof language !== 'string' || language === '') throw missing("template['language']['code']");
  return { name: template.name, language, components: template.components };
}
