/**
 * The flat, typed unit the processor handles: one change per status, inbound message,
 * system error, preference or template/number/account event, each with a stable `dedupeKey`
 * (Meta redelivers for up to 7 days and to every subscribed app, so duplicates are normal).
 *
 * Dedupe keys:
 * - status           `status:<wamid>:<status>` (+ `:<error code>` when failed)
 * - inbound          `inbound:<wamid>`
 * - template_*       `template:<template id>:<event>:<entry.time>` (event: the status event,
 *                    `category_impending|category_completed`, `quality_<new score>`)
 * - user_preference  `pref:<wa_id|user_id>:<category>:<value>:<timestamp>`
 * - everything else  `<field>:<sha256 of the canonical JSON of kind + number + value>:<entry.time|0>`
 */
import type { AccountUpdate, BusinessCapabilityUpdate, PhoneNumberQualityUpdate, UserPreference } from './account.schema';
import type { WebhookContact, WebhookError } from './common.schema';
import type { InboundMessage } from './inbound.schema';
import type { MessageStatus } from './status.schema';
import type { TemplateCategoryUpdate, TemplateQualityUpdate, TemplateStatusUpdate } from './template.schema';

export interface ChangeBase {
  /** entry[].id */
  wabaId: string;
  field: string;
  /** entry[].time (unix seconds), on template and account fields. */
  entryTime: number | undefined;
  /** value.metadata.phone_number_id, on messages and user_preferences. */
  phoneNumberId: string | undefined;
  displayPhoneNumber: string | undefined;
  dedupeKey: string;
}

export type WebhookChange = ChangeBase &
  (
    | { kind: 'status'; status: MessageStatus }
    | { kind: 'inbound'; message: InboundMessage; contact: WebhookContact | undefined }
    | { kind: 'system_error'; error: WebhookError }
    | { kind: 'template_status'; templateId: string; value: TemplateStatusUpdate }
    | { kind: 'template_category'; templateId: string; phase: 'impending' | 'completed'; value: TemplateCategoryUpdate }
    | { kind: 'template_quality'; templateId: string; value: TemplateQualityUpdate }
    | { kind: 'phone_quality'; value: PhoneNumberQualityUpdate }
    | { kind: 'capability'; value: BusinessCapabilityUpdate }
    | { kind: 'account'; value: AccountUpdate }
    | { kind: 'user_preference'; preference: UserPreference; contact: WebhookContact | undefined }
    /** A field dbulk does not handle (or extra data beside a known one), kept raw. */
    | { kind: 'unknown'; value: unknown }
    /** A change that fails its schema: the processor dead-letters it; its neighbours still apply. */
    | { kind: 'invalid'; value: unknown; issues: string[] }
  );

export type WebhookChangeKind = WebhookChange['kind'];

export interface ParsedWebhook {
  object: string;
  changes: WebhookChange[];
}
