/**
 * Typed Graph API client: one per process, shared by all tenants. The token is an argument of
 * every call (tokens belong to tenant accounts) and never logged or put in an error; the API
 * version comes from config (META_API_VERSION), never from a call site.
 * Errors are MetaApiError with a classification; see transport-errors.ts for when a failure is
 * `ambiguous` (the sender must then never resend blindly).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/reference/whatsapp-business-phone-number/message-api
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/phone-numbers
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/manage-accounts
 */
import { invalid } from '@dbulk/errors';
import type { z } from 'zod';
import { PHONE_NUMBER_FIELDS, TEMPLATE_FIELDS, WABA_FIELDS } from './constants';
import { GraphTransport, type GraphQuery, type GraphRequest, type GraphTransportOptions } from './graph-transport';
import * as S from './graph.schema';
import { metaErrorFromBadBody } from './meta-api-error';

export interface GraphClientOptions extends GraphTransportOptions {
  /** e.g. `v23.0`; from META_API_VERSION. */
  apiVersion: string;
}

/** Maps the `metaEnv` fragment of @dbulk/config to client options. */
export function graphClientOptionsFromEnv(env: { META_GRAPH_URL: string; META_API_VERSION: string }) {
  return { graphUrl: env.META_GRAPH_URL, apiVersion: env.META_API_VERSION };
}

/**
 * Graph node ids are digits. Checking it keeps `..` out of the path and catches swapped
 * arguments (a token passed as an id) before the token could reach a URL or a log line,
 * which is also why the value is not echoed.
 */
function node(value: string): string {
  if (/^\d{1,32}$/.test(value)) return value;
  throw invalid('META_INVALID_NODE_ID', `not a Graph node id (${value.length} characters, expected digits)`);
}

export interface ListTemplatesOptions {
  limit?: number;
  after?: string;
  /** e.g. APPROVED; Meta's filter. */
  status?: string;
  fields?: readonly string[];
}

export class GraphClient {
  readonly #transport: GraphTransport;
  readonly #version: string;
  readonly #phoneFields: string;

  constructor(options: GraphClientOptions) {
    if (!/^v\d+\.\d+$/.test(options.apiVersion)) {
      throw invalid('META_API_VERSION', `apiVersion must look like v23.0, got ${options.apiVersion}`);
    }
    this.#version = options.apiVersion;
    this.#transport = new GraphTransport(options);
    // messaging_limit_tier exists up to v23.0 only; asking a newer version for it is an error.
    const major = Number(options.apiVersion.slice(1).split('.')[0]);
    this.#phoneFields = [...PHONE_NUMBER_FIELDS, ...(major <= 23 ? ['messaging_limit_tier'] : [])].join(',');
  }

  get apiVersion(): string {
    return this.#version;
  }

  async sendTemplate(phoneNumberId: string, token: string, input: S.SendTemplateInput): Promise<S.SendResult> {
    const { template, bizOpaqueCallbackData } = input;
    return this.#send(phoneNumberId, token, input, { type: 'template', template, biz_opaque_callback_data: bizOpaqueCallbackData });
  }

  async sendText(phoneNumberId: string, token: string, input: S.SendTextInput): Promise<S.SendResult> {
    const context = input.replyTo === undefined ? undefined : { message_id: input.replyTo };
    const { text, bizOpaqueCallbackData } = input;
    return this.#send(phoneNumberId, token, input, { type: 'text', text, context, biz_opaque_callback_data: bizOpaqueCallbackData });
  }

  async listTemplates(wabaId: string, token: string, options: ListTemplatesOptions = {}): Promise<S.TemplatePage> {
    const { limit, after, status, fields = TEMPLATE_FIELDS } = options;
    const query = { fields: fields.join(','), limit, after, status };
    return this.#get(`/${node(wabaId)}/message_templates`, token, S.TemplatePage, query);
  }

  /** Every page of the WABA's templates, following `paging.cursors.after` until `paging.next` is gone. */
  async *templatePages(wabaId: string, token: string, options: Omit<ListTemplatesOptions, 'after'> = {}): AsyncGenerator<S.TemplatePage> {
    let after: string | undefined;
    for (;;) {
      const page = await this.listTemplates(wabaId, token, { ...options, after });
      yield page;
      const next = page.paging?.cursors?.after;
      // A repeated cursor would loop forever: treat it as the end.
      if (!page.paging?.next || !next || next === after || page.data.length === 0) return;
      after = next;
    }
  }

  async createTemplate(wabaId: string, token: string, input: S.CreateTemplateInput): Promise<S.CreateTemplateResponse> {
    return this.#call({ method: 'POST', path: `/${node(wabaId)}/message_templates`, token, body: input }, S.CreateTemplateResponse);
  }

  /** Components are replaced wholesale; only APPROVED, REJECTED and PAUSED templates are editable. */
  async editTemplate(templateId: string, token: string, input: S.EditTemplateInput): Promise<S.SuccessResponse> {
    return this.#call({ method: 'POST', path: `/${node(templateId)}`, token, body: input }, S.SuccessResponse);
  }

  /** Without `hsmId` Meta deletes every language of the name. */
  async deleteTemplate(wabaId: string, token: string, input: { name: string; hsmId?: string }): Promise<S.SuccessResponse> {
    const query = { name: input.name, hsm_id: input.hsmId === undefined ? undefined : node(input.hsmId) };
    return this.#call({ method: 'DELETE', path: `/${node(wabaId)}/message_templates`, token, query }, S.SuccessResponse);
  }

  /** Templates paused by pacing stay paused until unpaused explicitly. */
  async unpauseTemplate(templateId: string, token: string): Promise<S.SuccessResponse> {
    return this.#call({ method: 'POST', path: `/${node(templateId)}/unpause`, token }, S.SuccessResponse);
  }

  async getTemplate(templateId: string, token: string, fields: readonly string[] = TEMPLATE_FIELDS): Promise<S.Template> {
    return this.#get(`/${node(templateId)}`, token, S.Template, { fields: fields.join(',') });
  }

  async getPhoneNumber(phoneNumberId: string, token: string): Promise<S.PhoneNumber> {
    return this.#get(`/${node(phoneNumberId)}`, token, S.PhoneNumber, { fields: this.#phoneFields });
  }

  async listPhoneNumbers(wabaId: string, token: string): Promise<S.PhoneNumberList> {
    return this.#get(`/${node(wabaId)}/phone_numbers`, token, S.PhoneNumberList, { fields: this.#phoneFields, limit: 100 });
  }

  async getWaba(wabaId: string, token: string): Promise<S.Waba> {
    return this.#get(`/${node(wabaId)}`, token, S.Waba, { fields: WABA_FIELDS.join(',') });
  }

  /** `override` sets a per-WABA callback for messages-type fields only. */
  async subscribeApp(wabaId: string, token: string, override?: S.CallbackOverride): Promise<S.SuccessResponse> {
    return this.#call({ method: 'POST', path: `/${node(wabaId)}/subscribed_apps`, token, body: override }, S.SuccessResponse);
  }

  async listSubscribedApps(wabaId: string, token: string): Promise<S.SubscribedApps> {
    return this.#get(`/${node(wabaId)}/subscribed_apps`, token, S.SubscribedApps);
  }

  async unsubscribeApp(wabaId: string, token: string): Promise<S.SuccessResponse> {
    return this.#call({ method: 'DELETE', path: `/${node(wabaId)}/subscribed_apps`, token }, S.SuccessResponse);
  }

  /** Checks a tenant token with the app token (`APP_ID|APP_SECRET` or a system-user token). */
  async debugToken(inputToken: string, appToken: string): Promise<S.DebugTokenData> {
    const query = { input_token: inputToken };
    return (await this.#call({ method: 'GET', path: '/debug_token', token: appToken, query, secrets: [inputToken] }, S.DebugTokenResponse)).data;
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  async #send(phoneNumberId: string, token: string, target: S.SendTarget, message: Record<string, unknown>): Promise<S.SendResult> {
    const body = { messaging_product: 'whatsapp', recipient_type: 'individual', to: target.to, recipient: target.recipient, ...message };
    const res = await this.#call({ method: 'POST', path: `/${node(phoneNumberId)}/messages`, token, body }, S.SendMessageResponse);
    const contact = res.contacts?.[0];
    // The schema requires at least one message, so [0] exists.
    const { id: wamid, message_status: messageStatus = 'accepted' } = res.messages[0] as S.SendMessageResponse['messages'][number];
    return { wamid, waId: contact?.wa_id, userId: contact?.user_id, messageStatus };
  }

  async #get<T extends z.ZodType>(path: string, token: string, schema: T, query?: GraphQuery): Promise<z.output<T>> {
    return this.#call({ method: 'GET', path, token, query }, schema);
  }

  async #call<T extends z.ZodType>(req: GraphRequest, schema: T): Promise<z.output<T>> {
    const versioned = { ...req, path: `/${this.#version}${req.path}` };
    const { status, json } = await this.#transport.call(versioned);
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    throw metaErrorFromBadBody(`${req.method} ${versioned.path}`, status, parsed.error, req.method === 'GET');
  }
}
