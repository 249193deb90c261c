/**
 * The BUTTONS component as Meta checks it: at most 10, per-type limits, quick replies kept
 * together, labels ≤ 25, one URL variable at the end with an example, copy-code samples ≤ 15,
 * OTP buttons only (and exactly one) on authentication templates. Pure.
 */
import { TEMPLATE_LIMITS as L } from '@dbulk/meta';
import type { TemplateCategory } from '@dbulk/db';
import type { TemplateButton } from './template.types';
import type { Problems } from './text-rules';
import { tokensIn } from './template-variables';

const FIELD = 'components.buttons';
const MAX_PER_TYPE: Record<string, number> = {
  QUICK_REPLY: L.quickReplyMax,
  URL: L.urlButtonsMax,
  PHONE_NUMBER: L.phoneButtonsMax,
  COPY_CODE: L.copyCodeButtonsMax,
  OTP: 1,
};
const LABELLED = new Set(['QUICK_REPLY', 'URL', 'PHONE_NUMBER']);
const URL_MAX_LENGTH = 2_000;
const PHONE = /^\+?[1-9]\d{6,19}$/;

export function checkButtons(buttons: TemplateButton[], category: TemplateCategory, out: Problems): void {
  if (buttons.length > L.buttonsMax)
    out.add(FIELD, `has ${buttons.length} buttons — at most ${L.buttonsMax} are allowed`);
  for (const [type, max] of Object.entries(MAX_PER_TYPE)) {
    const count = buttons.filter((b) => b.type === type).length;
    if (count > max) out.add(FIELD, `has ${count} ${type} buttons — at most ${max} allowed`);
  }
  const quick = buttons.flatMap((b, i) => (b.type === 'QUICK_REPLY' ? [i] : []));
  if (quick.length > 0 && quick.at(-1)! - quick[0]! !== quick.length - 1) {
    out.add(
      FIELD,
      'mixes QUICK_REPLY buttons with other buttons — keep the quick replies together, before or after the others',
    );
  }
  if (category === 'AUTHENTICATION') {
    const otp = buttons.filter((b) => b.type === 'OTP').length;
    if (otp !== 1 || buttons.length !== 1)
      out.add(FIELD, 'an authentication template needs exactly one OTP button and no other buttons');
  }
  buttons.forEach((button, index) => checkButton(button, `${FIELD}[${index}]`, category, out));
}

function checkButton(button: TemplateButton, field: string, category: TemplateCategory, out: Problems): void {
  const label = button.text?.trim() ?? '';
  if (LABELLED.has(button.type)) {
    if (!label) out.add(`${field}.text`, `a ${button.type} button needs a label`);
    else if (label.length > L.quickReplyLabelMaxLength) {
      out.add(
        `${field}.text`,
        `label is ${label.length} characters — at most ${L.quickReplyLabelMaxLength}`,
        2388040,
      );
    }
    if (tokensIn(label).length > 0) out.add(`${field}.text`, 'a button label cannot contain variables');
  }
  if (button.type === 'OTP' && category !== 'AUTHENTICATION')
    out.add(`${field}.type`, 'OTP buttons are only for AUTHENTICATION templates');
  if (button.type === 'URL') checkUrl(button, field, category, out);
  if (button.type === 'PHONE_NUMBER' && !PHONE.test(button.phoneNumber?.replace(/[\s-]/g, '') ?? '')) {
    out.add(`${field}.phoneNumber`, 'needs a phone number in international format, e.g. +15551234567');
  }
  if (button.type === 'COPY_CODE') {
    const code = button.example?.trim() ?? '';
    if (!code) out.add(`${field}.example`, 'a COPY_CODE button needs a sample code');
    else if (code.length > L.copyCodeExampleMaxLength)
      out.add(
        `${field}.example`,
        `sample code is ${code.length} characters — at most ${L.copyCodeExampleMaxLength}`,
        2388040,
      );
  }
  if (
    button.type === 'OTP' &&
    button.otpType &&
    button.otpType !== 'COPY_CODE' &&
    !button.supportedApps?.length
  ) {
    out.add(
      `${field}.supportedApps`,
      `a ${button.otpType} OTP button needs the Android app (package name and signature hash) it autofills`,
    );
  }
}

function checkUrl(button: TemplateButton, field: string, category: TemplateCategory, out: Problems): void {
  if (category === 'AUTHENTICATION')
    out.add(`${field}.type`, 'authentication templates cannot have URL buttons');
  const url = button.url?.trim() ?? '';
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(url.replace(/\{\{[^{}]*\}\}/g, 'x'))) {
    out.add(`${field}.url`, 'needs a web address starting with https:// (or http://)');
    return;
  }
  if (url.length > URL_MAX_LENGTH)
    out.add(`${field}.url`, `is ${url.length} characters — at most ${URL_MAX_LENGTH}`, 2388040);
  const tokens = tokensIn(url);
  if (tokens.length > L.urlButtonMaxVariables)
    out.add(`${field}.url`, `has ${tokens.length} variables — a URL may hold one, at its end`);
  else if (tokens.length === 1) {
    if (!url.endsWith('}}')) out.add(`${field}.url`, 'the variable must be at the end of the URL');
    if (tokens[0]!.name !== '1')
      out.add(`${field}.url`, `write the URL variable as {{1}}, not {{${tokens[0]!.name}}}`);
    if (!button.example?.trim()) out.add(`${field}.example`, 'add a sample value for the URL variable {{1}}');
  }
}
