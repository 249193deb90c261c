/**
 * A template as the builder edits it: one object per component, so a field path such as
 * `components.body.text` names the same thing in a zod error, a rule problem and a form field.
 * Stored rows keep Meta's component JSON (meta-components.ts converts both ways).
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components
 */
import type { TemplateCategory } from '@dbulk/db';

export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'] as const;
export type HeaderFormat = (typeof HEADER_FORMATS)[number];
export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'OTP'] as const;
export type ButtonType = (typeof BUTTON_TYPES)[number];
export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;
export type OtpType = (typeof OTP_TYPES)[number];
export const PARAMETER_FORMATS = ['POSITIONAL', 'NAMED'] as const;
export type ParameterFormat = (typeof PARAMETER_FORMATS)[number];

/** Sample values keyed by variable name: `{ "1": "Pablo" }` or `{ "first_name": "Pablo" }`. */
export type Examples = Record<string, string>;

export interface TemplateHeader {
  format: HeaderFormat;
  /** TEXT only. */
  text?: string;
  examples?: Examples;
  /** IMAGE / VIDEO / DOCUMENT: an upload handle (Resumable Upload API) or a sample URL. */
  mediaExample?: string;
}

export interface TemplateBody {
  /** Authentication templates: Meta writes the text itself ("{{1}} is your verification code."). */
  text?: string;
  examples?: Examples;
  /** Authentication only: appends "For your security, do not share this code." */
  addSecurityRecommendation?: boolean;
}

export interface TemplateFooter {
  text?: string;
  /** Authentication only: Meta renders "This code expires in N minutes." */
  codeExpirationMinutes?: number;
}

export interface SupportedApp {
  packageName: string;
  signatureHash: string;
}

export interface TemplateButton {
  type: ButtonType;
  /** The label (QUICK_REPLY, URL, PHONE_NUMBER; optional on OTP). */
  text?: string;
  url?: string;
  /** URL: the sample value of the URL's `{{1}}` (or a full sample URL); COPY_CODE: the sample code. */
  example?: string;
  phoneNumber?: string;
  otpType?: OtpType;
  supportedApps?: SupportedApp[];
}

export interface TemplateComponents {
  header?: TemplateHeader | null;
  body: TemplateBody;
  footer?: TemplateFooter | null;
  buttons?: TemplateButton[];
}

export interface TemplateContent {
  name: string;
  language: string;
  category: TemplateCategory;
  parameterFormat: ParameterFormat;
  components: TemplateComponents;
}

/** One thing Meta would refuse: `message` is `field: detail`, ready to show on its own. */
export interface TemplateProblem {
  field: string;
  detail: string;
  message: string;
  /** Meta's error subcode for the same refusal, where Meta documents one (2388040, 2388299…). */
  metaCode?: number;
}
