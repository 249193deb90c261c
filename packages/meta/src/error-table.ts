/**
 * Every code of README §4 (plus the template-creation codes of §1.2 and 80008 of §3.4), with
 * dbulk's reaction. Where Meta's table offers two classes (e.g. "R then F", "F / P", "H/T"),
 * the choice and why is in the row's comment.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */
import type { MetaErrorClass, MetaErrorClassification, MetaErrorScope } from './errors';

type Extra = Partial<
  Pick<
    MetaErrorClassification,
    | 'maxAttempts'
    | 'exhaustedClass'
    | 'retryAfterMs'
    | 'notBeforeMs'
    | 'pairBackoff'
    | 'halveRate'
    | 'suppressRecipient'
    | 'flagContact'
    | 'markConnectionBroken'
    | 'pauseCampaign'
    | 'resyncTemplates'
  >
>;
export type MetaErrorEntry = readonly [MetaErrorClass, MetaErrorScope, string, Extra?];

const broken = { markConnectionBroken: true } as const;

export const META_ERROR_TABLE: ReadonlyMap<number, MetaErrorEntry> = new Map<number, MetaErrorEntry>([
  [0, ['needs_human', 'account', 'access token expired, invalidated or blocked', broken]],
  // "R (few tries) then F": Meta uses it for both glitches and malformed requests.
  [1, ['retryable', 'message', 'invalid request or possible server error', { maxAttempts: 3, exhaustedClass: 'fix_request' }]],
  [2, ['retryable', 'message', 'temporary downtime or overload']],
  // "H/F": the token lacks a capability; only the tenant (or App Review) can grant it.
  [3, ['needs_human', 'account', 'capability or permission missing: check token scopes', broken]],
  // App-wide, not per number: slow every tenant's calls, not just this number's rate.
  [4, ['throttled', 'app', 'app API call rate limit', { retryAfterMs: 60_000 }]],
  [10, ['needs_human', 'account', 'permission not granted or removed', broken]],
  [33, ['needs_human', 'number', 'business phone number deleted', broken]],
  [100, ['fix_request', 'message', 'invalid, unsupported or misspelled parameter']],
  [190, ['needs_human', 'account', 'access token expired', broken]],
  [368, ['needs_human', 'account', 'WABA restricted or disabled for a policy violation', broken]],
  [130403, ['permanent', 'recipient', 'the business blocked this user']],
  [130429, ['throttled', 'number', 'Cloud API throughput reached', { halveRate: true, retryAfterMs: 1_000 }]],
  [130472, ['permanent', 'recipient', 'user is part of a Meta experiment; not sent, not billed']],
  // "P/H": permanent for this recipient; the country restriction itself shows on account_update.
  [130497, ['permanent', 'recipient', 'WABA may not message users in this country']],
  [131000, ['retryable', 'message', 'unknown error at Meta', { maxAttempts: 3, exhaustedClass: 'permanent' }]],
  [131005, ['needs_human', 'account', 'access denied (permission)', broken]],
  [131008, ['fix_request', 'message', 'required parameter missing']],
  // "F / P for the row": also a malformed phone number; fix_request fails the row either way.
  [131009, ['fix_request', 'message', 'parameter value invalid (or phone number format)']],
  [131016, ['retryable', 'message', 'service temporarily unavailable']],
  [131021, ['permanent', 'recipient', 'recipient is the sender']],
  [131026, ['permanent', 'recipient', 'message undeliverable to this user (not on WhatsApp, old app, ToS)', { flagContact: true }]],
  // "H/F", sandbox only: someone must add the recipient to the test number's allow list.
  [131030, ['needs_human', 'number', 'recipient not in the test number allow list']],
  [131031, ['needs_human', 'account', 'account locked (policy or wrong two-step PIN)', broken]],
  [131037, ['needs_human', 'number', 'number needs an approved display name', broken]],
  [131042, ['needs_human', 'account', 'payment method or billing problem', broken]],
  [131045, ['needs_human', 'number', 'phone number registration error: re-register', broken]],
  [131047, ['permanent', 'recipient', 'more than 24 h since the user last wrote: send a template']],
  // "H/T": Meta is seeing blocks/reports; slowing down alone does not fix quality.
  [131048, ['needs_human', 'number', 'spam rate limit: too many blocks or reports', { halveRate: true }]],
  [131049, ['permanent', 'recipient', 'not delivered to keep ecosystem engagement healthy', { notBeforeMs: 24 * 60 * 60 * 1_000 }]],
  [131050, ['permanent', 'recipient', 'user stopped marketing messages from this business', { suppressRecipient: 'marketing' }]],
  [131051, ['fix_request', 'message', 'unsupported message type']],
  // Inbound only (media the user sent could not be downloaded): nothing to retry on our side.
  [131052, ['permanent', 'inbound', 'media sent by the user could not be downloaded']],
  [131053, ['fix_request', 'message', 'media upload failed: check MIME type and size']],
  [131056, ['throttled', 'pair', 'pair rate limit: too many messages to this user', { pairBackoff: true, halveRate: true }]],
  [131057, ['retryable', 'number', 'account in maintenance (e.g. throughput upgrade)', { retryAfterMs: 60_000 }]],
  [131063, ['needs_human', 'account', 'marketing templates disabled on Cloud API for this WABA']],
  [131064, ['needs_human', 'account', 'messaging limited for template classification violations']],
  [132000, ['fix_request', 'message', 'parameter count does not match the template']],
  // "F/H": a whole campaign would fail row by row; stop it and re-read the templates instead.
  [132001, ['needs_human', 'template', 'template missing in this language or not approved', { resyncTemplates: true }]],
  [132005, ['fix_request', 'message', 'hydrated text too long']],
  [132007, ['needs_human', 'template', 'template content violates policy']],
  [132012, ['fix_request', 'message', 'parameter format does not match the template']],
  [132015, ['needs_human', 'template', 'template paused for low quality']],
  [132016, ['needs_human', 'template', 'template permanently disabled: create a new one']],
  [133004, ['retryable', 'message', 'server temporarily unavailable']],
  [133010, ['needs_human', 'number', 'phone number not registered', broken]],
  // "F/H": also held messages dropped by portfolio pacing, which can lead to review: stop.
  [135000, ['needs_human', 'account', 'generic user error (or dropped by portfolio pacing)']],
  [80007, ['throttled', 'account', 'WABA management rate limit', { halveRate: true, retryAfterMs: 60_000 }]],
  [80008, ['throttled', 'account', 'too many calls to this WhatsApp Business account', { retryAfterMs: 60_000 }]],
  [2388019, ['needs_human', 'account', 'template limit reached for this WABA']],
  // Template creation/editing (§1.2): the draft is wrong; the tenant fixes it and resubmits.
  [2388039, ['fix_request', 'template', 'template status cannot be changed']],
  [2388040, ['fix_request', 'template', 'template field exceeds its character limit']],
  [2388047, ['fix_request', 'template', 'template header format invalid']],
  [2388072, ['fix_request', 'template', 'template body format invalid']],
  [2388073, ['fix_request', 'template', 'template footer format invalid']],
  [2388293, ['fix_request', 'template', 'too many variables for the text length']],
  [2388299, ['fix_request', 'template', 'variables at the start or end are not allowed']],
]);
