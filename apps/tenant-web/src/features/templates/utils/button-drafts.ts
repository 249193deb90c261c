/** The builder's button list: Meta's per-type limits and keeping quick replies grouped. */
export type ButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'OTP';

export interface ButtonDraft {
  /** Stable React key while buttons move around. */
  key: string;
  type: ButtonType;
  text: string;
  url: string;
  example: string;
  phoneNumber: string;
}

let keys = 0;
export const buttonKey = () => `b${++keys}`;

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
