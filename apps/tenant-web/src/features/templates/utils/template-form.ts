/**
 * The builder's form: flat fields that inputs bind to, converted to and from the api's template
 * content (`components.header/body/footer/buttons`). Problem paths from `templates.validate`
 * (`components.body.examples.1`, `components.buttons[0].url`) name the same fields.
 */
import type { RouterInputs, RouterOutputs } from '../../../lib/trpc';
import { buttonKey, type ButtonDraft } from './button-drafts';
import { variableNames } from './template-variables';

export type TemplateContent = Omit<RouterInputs['templates']['createDraft'], 'accountId'>;
type Detail = RouterOutputs['templates']['byId'];
export type HeaderChoice = 'NONE' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT';
export type ParameterFormat = NonNullable<TemplateContent['parameterFormat']>;
export type Category = TemplateContent['category'];

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
