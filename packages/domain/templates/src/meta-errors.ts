/**
 * A Graph error on a template call as one AppError that keeps Meta's code, subcode and words,
 * and names the builder field Meta objected to where the subcode or the text tells us.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */
import { AppError } from '@dbulk/errors';
import { isMetaApiError, type MetaApiError } from '@dbulk/meta';

const FIELD_BY_CODE: Record<number, string> = {
  2388047: 'components.header',
  2388072: 'components.body.text',
  2388073: 'components.footer.text',
  2388293: 'components.body.text',
  2388299: 'components.body.text',
  2388023: 'name',
  2388024: 'name',
};

const FIELD_BY_WORD: [RegExp, string][] = [
  [/\bheader/i, 'components.header'],
  [/\bfooter/i, 'components.footer.text'],
  [/\bbutton/i, 'components.buttons'],
  [/\blanguage\b/i, 'language'],
  [/\bcategory\b/i, 'category'],
  [/\bbody\b|\bvariable/i, 'components.body.text'],
  [/\bname\b/i, 'name'],
];

export function inferField(
  err: Pick<MetaApiError, 'subcode' | 'metaCode' | 'title' | 'errorDetails' | 'metaMessage'>,
): string | undefined {
  const code = err.subcode ?? err.metaCode;
  if (code !== undefined && FIELD_BY_CODE[code]) return FIELD_BY_CODE[code];
  const text = [err.title, err.errorDetails, err.metaMessage].filter(Boolean).join(' ');
  return FIELD_BY_WORD.find(([pattern]) => pattern.test(text))?.[1];
}

/** Rethrows a Meta refusal with Meta's code and message; anything else unchanged. */
export function rethrowTemplateMetaError(err: unknown, action: string, name: string): never {
  if (!isMetaApiError(err) || err.metaCode === undefined) throw err;
  const field = inferField(err);
  const codes =
    err.subcode === undefined ? `code ${err.metaCode}` : `code ${err.metaCode}, subcode ${err.subcode}`;
  const words = [err.title, err.errorDetails ?? err.metaMessage].filter(Boolean).join(' — ');
  throw new AppError(
    'TEMPLATE_META_ERROR',
    err.category,
    `Meta refused to ${action} template ${name}: ${words} (${codes})`,
    {
      cause: err,
      details: {
        field,
        metaCode: err.metaCode,
        metaSubcode: err.subcode,
        metaTitle: err.title,
        metaMessage: err.errorDetails ?? err.metaMessage,
        class: err.errorClass,
      },
      ...(err.retryAfter === undefined ? {} : { retryAfter: err.retryAfter }),
    },
  );
}
