import { AppError, conflict, invalid, notFound } from '@dbulk/errors';
import type { TemplateProblem } from './template.types';

const day = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

export const TemplateErrors = {
  notFound: (id: string) => notFound('TEMPLATE_NOT_FOUND', `template ${id} does not exist`),
  exists: (name: string, language: string) =>
    conflict(
      'TEMPLATE_EXISTS',
      `a template named ${name} in ${language} already exists on this WhatsApp account; choose another name or language`,
      {
        details: { field: 'name' },
      },
    ),
  nameBlocked: (name: string, language: string, until: Date) =>
    conflict(
      'TEMPLATE_NAME_BLOCKED',
      `${name} (${language}) was deleted while approved; Meta blocks the name until ${day(until)}`,
      {
        details: { field: 'name', until: until.toISOString() },
      },
    ),
  invalid: (name: string, problems: TemplateProblem[]) =>
    invalid(
      'TEMPLATE_INVALID',
      `template ${name} has ${problems.length} problem(s): ${problems.map((p) => p.message).join('; ')}`,
      {
        details: { field: problems[0]?.field, problems },
      },
    ),
  wrongStatus: (name: string, status: string, action: string, allowed: readonly string[]) =>
    conflict(
      'TEMPLATE_WRONG_STATUS',
      `template ${name} is ${status}; ${action} needs it to be ${allowed.join(' or ')}`,
      { details: { status } },
    ),
  notSubmitted: (name: string) =>
    conflict('TEMPLATE_NOT_SUBMITTED', `template ${name} is a draft that Meta has not seen; submit it first`),
  immutable: (name: string, field: string, why: string) =>
    invalid('TEMPLATE_FIELD_IMMUTABLE', `${field} of template ${name} cannot change: ${why}`, {
      details: { field },
    }),
  unsupported: (name: string, parts: string[]) =>
    conflict(
      'TEMPLATE_UNSUPPORTED_PARTS',
      `template ${name} uses parts the builder cannot edit (${parts.join(', ')}); edit it in WhatsApp Manager`,
    ),
  editLimit: (name: string, why: string, next: Date) =>
    new AppError(
      'TEMPLATE_EDIT_LIMIT',
      'rate_limited',
      `template ${name} cannot be edited yet: ${why}; next edit allowed after ${day(next)}`,
      {
        details: { nextEditAt: next.toISOString() },
        retryAfter: Math.max(1, Math.ceil((next.getTime() - Date.now()) / 1000)),
      },
    ),
  disabled: (name: string) =>
    conflict(
      'TEMPLATE_DISABLED',
      `template ${name} is DISABLED; Meta does not allow deleting disabled templates`,
    ),
} satisfies Record<string, (...args: never[]) => AppError>;
