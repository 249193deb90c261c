import { conflict, invalid, notFound, type AppError } from '@dbulk/errors';

export const ContactErrors = {
  notFound: (id: string) => notFound('CONTACT_NOT_FOUND', `contact ${id} does not exist`),
  listNotFound: (id: string) =>
    notFound('CONTACT_LIST_NOT_FOUND', `contact list ${id} does not exist`, { details: { field: 'listId' } }),
  importNotFound: (id: string) => notFound('CONTACT_IMPORT_NOT_FOUND', `contact import ${id} does not exist`),
  invalidPhone: (value: string, reason: string) =>
    invalid('CONTACT_PHONE_INVALID', `phone "${value}" cannot be used: ${reason}`, {
      details: { field: 'phone' },
    }),
  phoneTaken: (phone: string) =>
    conflict('CONTACT_PHONE_EXISTS', `a contact with phone ${phone} already exists`, {
      details: { field: 'phone' },
    }),
  listNameTaken: (name: string) =>
    conflict('CONTACT_LIST_EXISTS', `a list named "${name}" already exists`, { details: { field: 'name' } }),
  missingColumn: (role: string, column: string, header: string[]) =>
    invalid(
      'CONTACT_IMPORT_COLUMN_MISSING',
      `the CSV header has no column "${column}" for the ${role} (columns: ${header.map((h) => `"${h}"`).join(', ') || 'none'})`,
      { details: { field: role, column } },
    ),
  noPhoneColumn: (header: string[]) =>
    invalid(
      'CONTACT_IMPORT_COLUMN_MISSING',
      `the CSV header has no phone column; name one "phone" or map it (columns: ${header.map((h) => `"${h}"`).join(', ') || 'none'})`,
      { details: { field: 'phone', column: 'phone' } },
    ),
  emptyFile: () =>
    invalid('CONTACT_IMPORT_EMPTY', 'the file is empty: it needs a header line naming the columns', {
      details: { field: 'file' },
    }),
  importIdTaken: (id: string) =>
    conflict('CONTACT_IMPORT_EXISTS', `contact import ${id} already exists`, {
      details: { field: 'importId' },
    }),
} satisfies Record<string, (...args: never[]) => AppError>;

export const ImportErrors = {
  tooLarge: (limit: number) =>
    invalid(
      'CONTACT_IMPORT_TOO_LARGE',
      `the file is larger than the ${Math.round(limit / 1024 / 1024)} MB an import accepts; split it`,
      {
        details: { field: 'file', limit },
      },
    ),
} satisfies Record<string, (...args: never[]) => AppError>;
