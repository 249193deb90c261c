/**
 * The builder's form: flat fields that inputs bind to, converted to and from the api's template
 * content (`components.header/body/footer/buttons`). Problem paths from `templates.validate`
 * (`components.body.examples.1`, `components.buttons[0].url`) name the same fields.
 */
import type { RouterInputs, RouterOutputs } from '../../../lib/trpc';

export type TemplateContent = Omit<RouterInputs['templates']['createDraft'], 'accountId'>;
type Detail = RouterOutputs['templates']['byId'];
export type ButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'OTP';
export type HeaderChoice = 'NONE' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT';
export type ParameterFormat = NonNullable<TemplateContent['parameterFormat']>;
export type Category = TemplateContent['category'];

export interface ButtonDraft {
  /** Stable React key while buttons move around. */
  key: string;
  type: ButtonType;
  text: string;
  url: string;
  example: string;
  phoneNumber: string;
}

export interface TemplateForm {
  accountId: string;
  name: string;
  language: string;
  category: Category;
  parameterFormat: ParameterFormat;
  header: HeaderChoice;
  headerText: string;
  headerMedia: string;
  bodyText: string;
  /** Samples by variable name, for the header's and the body's variables. */
  headerExamples: Record<string, string>;
  bodyExamples: Record<string, string>;
  footerText: string;
  buttons: ButtonDraft[];
  /** AUTHENTICATION only: Meta writes the text; these are its options. */
  addSecurityRecommendation: boolean;
  codeExpirationMinutes: string;
}

let keys = 0;
export const buttonKey = () => `b${++keys}`;

export function emptyForm(accountId = ''): TemplateForm {
  return {
    accountId,
    name: '',
    language: 'en_US',
    category: 'UTILITY',
    parameterFormat: 'POSITIONAL',
    header: 'NONE',
    headerText: '',
    headerMedia: '',
    bodyText: '',
    headerExamples: {},
    bodyExamples: {},
    footerText: '',
    buttons: [],
    addSecurityRecommendation: true,
    codeExpirationMinutes: '',
  };
}

export function formFromDetail(detail: Detail): TemplateForm {
  const { header, body, footer, buttons = [] } = detail.components;
  const format = header?.format;
  return {
    ...emptyForm(detail.accountId ?? ''),
    name: detail.name,
    language: detail.language,
    category: detail.category,
    parameterFormat: detail.parameterFormat,
    header: format && format !== 'LOCATION' ? format : 'NONE',
    headerText: header?.text ?? '',
    headerMedia: header?.mediaExample ?? '',
    headerExamples: { ...header?.examples },
    bodyText: body.text ?? '',
    bodyExamples: { ...body.examples },
    footerText: footer?.text ?? '',
    buttons: buttons
      .filter((b) => b.type !== 'OTP')
      .map((b) => ({
        key: buttonKey(),
        type: b.type,
        text: b.text ?? '',
        url: b.url ?? '',
        example: b.example ?? '',
        phoneNumber: b.phoneNumber ?? '',
      })),
    addSecurityRecommendation: body.addSecurityRecommendation ?? false,
    codeExpirationMinutes:
      footer?.codeExpirationMinutes === undefined ? '' : String(footer.codeExpirationMinutes),
  };
}

const VARIABLE = /\{\{([^{}]*)\}\}/g;

/** Variables of a text in the order Meta maps them: {{1}}…{{n}} by number, named ones by first use. */
export function variableNames(text: string): string[] {
  const names = [...new Set([...text.matchAll(VARIABLE)].map((m) => (m[1] ?? '').trim()))].filter((n) =>
    /^(\d+|[a-z][a-z0-9_]*)$/.test(n),
  );
  return names.every((n) => /^\d+$/.test(n)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** The next positional variable of a text: one past the highest number used. */
export function nextPositional(text: string): string {
  const numbers = variableNames(text)
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
  return String(numbers.length ? Math.max(...numbers) + 1 : 1);
}

/** Puts `insert` over the selection [start, end); returns the new text and where the caret goes. */
export function insertAt(
  text: string,
  start: number,
  end: number,
  insert: string,
): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

const pick = (examples: Record<string, string>, names: string[]) =>
  Object.fromEntries(
    names.filter((n) => examples[n] !== undefined && examples[n] !== '').map((n) => [n, examples[n]!]),
  );

function authContent(form: TemplateForm): TemplateContent['components'] {
  const minutes = form.codeExpirationMinutes.trim();
  return {
    header: null,
    body: { addSecurityRecommendation: form.addSecurityRecommendation },
    footer: minutes ? { codeExpirationMinutes: Number(minutes) } : null,
    buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' }],
  };
}

/** What the api checks and stores; examples only for variables still in the text. */
export function toContent(form: TemplateForm): TemplateContent {
  const identity = {
    name: form.name.trim(),
    language: form.language.trim(),
    category: form.category,
    parameterFormat: form.parameterFormat,
  };
  if (form.category === 'AUTHENTICATION') return { ...identity, components: authContent(form) };
  const header =
    form.header === 'NONE'
      ? null
      : form.header === 'TEXT'
        ? {
            format: 'TEXT' as const,
            text: form.headerText,
            examples: pick(form.headerExamples, variableNames(form.headerText)),
          }
        : { format: form.header, mediaExample: form.headerMedia.trim() };
  return {
    ...identity,
    components: {
      header,
      body: { text: form.bodyText, examples: pick(form.bodyExamples, variableNames(form.bodyText)) },
      footer: form.footerText.trim() ? { text: form.footerText } : null,
      buttons: form.buttons.map((b) => {
        switch (b.type) {
          case 'URL':
            return {
              type: 'URL',
              text: b.text,
              url: b.url.trim(),
              ...(/\{\{/.test(b.url) ? { example: b.example.trim() } : {}),
            };
          case 'PHONE_NUMBER':
            return { type: 'PHONE_NUMBER', text: b.text, phoneNumber: b.phoneNumber.trim() };
          case 'COPY_CODE':
            return { type: 'COPY_CODE', example: b.example.trim() };
          default:
            return { type: b.type, text: b.text };
        }
      }),
    },
  };
}

/** Meta's per-type button limits (and 10 in all). */
export const BUTTON_LIMITS: Record<Exclude<ButtonType, 'OTP'>, number> = {
  QUICK_REPLY: 10,
  URL: 2,
  PHONE_NUMBER: 1,
  COPY_CODE: 1,
};
export const MAX_BUTTONS = 10;

export function canAddButton(buttons: readonly ButtonDraft[], type: Exclude<ButtonType, 'OTP'>): boolean {
  return buttons.length < MAX_BUTTONS && buttons.filter((b) => b.type === type).length < BUTTON_LIMITS[type];
}

export function newButton(type: Exclude<ButtonType, 'OTP'>): ButtonDraft {
  return { key: buttonKey(), type, text: '', url: '', example: '', phoneNumber: '' };
}

/**
 * Where a new button goes so quick replies stay together (Meta refuses them interleaved): a quick
 * reply after the last quick reply, anything else after the last non-quick-reply.
 */
export function addButton(buttons: readonly ButtonDraft[], button: ButtonDraft): ButtonDraft[] {
  const sameGroup = (b: ButtonDraft) => (b.type === 'QUICK_REPLY') === (button.type === 'QUICK_REPLY');
  const last = buttons.findLastIndex(sameGroup);
  if (last === -1) return button.type === 'QUICK_REPLY' ? [button, ...buttons] : [...buttons, button];
  return [...buttons.slice(0, last + 1), button, ...buttons.slice(last + 1)];
}

export function moveButton(buttons: readonly ButtonDraft[], index: number, by: -1 | 1): ButtonDraft[] {
  const target = index + by;
  if (target < 0 || target >= buttons.length) return [...buttons];
  const next = [...buttons];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
