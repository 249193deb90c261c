/**
 * The BUTTONS component: at most 10 buttons, per-type counts and lengths, quick replies kept
 * together, OTP buttons only (and required) on authentication templates.
 */
import { invalidParameter, templateError } from '../graph/errors';
import type { TemplateButton, TemplateCategory, TemplateComponent } from './templates';
import { variablesIn } from './template-variables';

const LIMITS: Record<string, number> = { QUICK_REPLY: 10, URL: 2, PHONE_NUMBER: 1, COPY_CODE: 1, OTP: 1 };
const OTHER_TYPES = ['VOICE_CALL', 'CATALOG', 'MPM', 'SPM', 'FLOW', 'REQUEST_CONTACT_INFO', 'APP'];
const LABELLED = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER'];

const invalid = (message: string) => templateError(undefined, 'Invalid buttons', message);

export function checkButtons(component: TemplateComponent, category: TemplateCategory): TemplateComponent {
  const raw = component.buttons;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 10) throw invalid('BUTTONS needs between 1 and 10 buttons.');
  const buttons = raw.map((button, index) => {
    const type = typeof button?.type === 'string' ? button.type.toUpperCase() : '';
    if (!(type in LIMITS) && !OTHER_TYPES.includes(type)) {
      throw invalidParameter(`Param components['BUTTONS']['buttons'][${index}]['type'] is not a supported button type - got "${String(button?.type)}".`);
    }
    return { ...button, type } as TemplateButton;
  });
  for (const [type, limit] of Object.entries(LIMITS)) {
    const count = buttons.filter((button) => button.type === type).length;
    if (count > limit) throw invalid(`At most ${limit} ${type} button${limit === 1 ? '' : 's'} allowed; found ${count}.`);
  }
  const quick = buttons.flatMap((button, index) => (button.type === 'QUICK_REPLY' ? [index] : []));
  if (quick.length > 0 && quick[quick.length - 1]! - quick[0]! !== quick.length - 1) {
    throw invalid('Quick reply buttons must be grouped together, not mixed with other buttons.');
  }
  const otp = buttons.filter((button) => button.type === 'OTP').length;
  if (category === 'AUTHENTICATION' && (otp !== 1 || buttons.length !== 1)) throw invalid('Authentication templates need exactly one OTP button.');
  if (category !== 'AUTHENTICATION' && otp > 0) throw invalid('OTP buttons are only for authentication templates.');
  buttons.forEach(checkButton);
  return { ...component, buttons };
}

function checkButton(button: TemplateButton, index: number): void {
  const label = typeof button.text === 'string' ? button.text : '';
  if (LABELLED.includes(button.type) && (label === '' || label.length > 25)) {
    throw templateError(2388040, 'Button text too long', `Button ${index} needs a label of at most 25 characters.`);
  }
  if (button.type === 'URL') {
    if (typeof button.url !== 'string' || !/^https?:\/\//.test(button.url)) throw invalid(`Button ${index} needs a url starting with https://.`);
    const variables = variablesIn(button.url);
    if (variables.length > 1 || (variables.length === 1 && !button.url.endsWith('}}'))) {
      throw invalid(`Button ${index}: a URL may hold one variable, at its end.`);
    }
    if (variables.length === 1 && !(Array.isArray(button.example) ? button.example[0] : button.example)) {
      throw invalid(`Button ${index}: add an example for the URL variable.`);
    }
  }
  if (button.type === 'PHONE_NUMBER' && typeof button.phone_number !== 'string') throw invalid(`Button ${index} needs a phone_number.`);
  if (button.type === 'COPY_CODE') {
    const example = Array.isArray(button.example) ? button.example[0] : button.example;
    if (typeof example !== 'string' || example === '' || example.length > 15) throw invalid(`Button ${index}: a copy-code example of at most 15 characters is required.`);
  }
}
