/**
 * Input handling shared by the control API: zod parsing that answers 400 with the issues,
 * and "which phone number" (the default account's when the caller names none).
 */
import type { z } from 'zod';
import type { Sandbox } from '../sandbox';
import type { PhoneNumber } from '../state/accounts';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ControlError(400, 'invalid control request', result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

export function phoneOrDefault(sb: Sandbox, phoneNumberId: string | undefined, fallback: string): PhoneNumber {
  const phone = sb.accounts.phones.get(phoneNumberId ?? fallback) ?? (phoneNumberId ? undefined : sb.accounts.phones.values().next().value);
  if (!phone) throw new ControlError(404, `phone number ${phoneNumberId ?? fallback} does not exist in the sandbox`);
  return phone;
}
