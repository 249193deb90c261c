import { describe, expect, it } from 'vitest';
import { isAppError } from '@dbulk/errors';
import { resolveColumns } from './columns';

describe('resolveColumns', () => {
  it('finds the phone, name and tags columns by their usual names and keeps the rest as attributes', () => {
    expect(resolveColumns(['\uFEFFName', ' Mobile ', 'City', 'tags', ''])).toEqual({
      phone: 1,
      name: 0,
      tags: 3,
      attributes: [['city', 2]],
    });
  });

  it('follows an explicit mapping, header names compared without case', () => {
    expect(
      resolveColumns(['Tel', 'Full name', 'City', 'Plan'], {
        phone: 'tel',
        name: 'FULL NAME',
        tags: null,
        attributes: ['plan'],
      }),
    ).toEqual({
      phone: 0,
      name: 1,
      tags: -1,
      attributes: [['plan', 3]],
    });
  });

  it('names the missing phone column and lists the columns the file has', () => {
    const err = (() => {
      try {
        resolveColumns(['name', 'city']);
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(err) && err.code).toBe('CONTACT_IMPORT_COLUMN_MISSING');
    expect((err as Error).message).toBe(
      'the CSV header has no phone column; name one "phone" or map it (columns: "name", "city")',
    );
  });

  it('names a mapped column the header does not have', () => {
    expect(() => resolveColumns(['phone', 'name'], { phone: 'msisdn' })).toThrow(
      'the CSV header has no column "msisdn" for the phone (columns: "phone", "name")',
    );
    expect(() => resolveColumns(['phone', 'name'], { attributes: ['city'] })).toThrow(
      'no column "city" for the attributes',
    );
  });
});
