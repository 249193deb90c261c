import { describe, expect, it } from 'vitest';
import { mappingSql, renderValues, unmappedKeys } from './variables';

const contact = { phone: '+4915112345678', name: 'Ana', attributes: { city: 'Lisbon', empty: '' } };

describe('campaign variables', () => {
  it('names every key without a usable source, in template order', () => {
    const keys = ['header.1', 'body.1', 'body.2', 'buttons.0'];
    expect(
      unmappedKeys(keys, {
        'body.1': { source: 'field', field: 'name' },
        'body.2': { source: 'constant', value: '  ' },
        'buttons.0': { source: 'attribute', key: 'city' },
      }),
    ).toEqual(['header.1', 'body.2']);
  });

  it('renders fields, attributes with fallback and constants', () => {
    const values = renderValues(
      ['body.1', 'body.2', 'body.3', 'body.4', 'body.5'],
      {
        'body.1': { source: 'field', field: 'name' },
        'body.2': { source: 'field', field: 'phone' },
        'body.3': { source: 'attribute', key: 'city' },
        'body.4': { source: 'attribute', key: 'empty', fallback: 'friend' },
        'body.5': { source: 'constant', value: 'SPRING' },
      },
      contact,
    );
    expect(values).toEqual({
      'body.1': 'Ana',
      'body.2': '+4915112345678',
      'body.3': 'Lisbon',
      'body.4': 'friend',
      'body.5': 'SPRING',
    });
  });

  it('builds one jsonb_build_object with bind values in placeholder order', () => {
    const { sql, params } = mappingSql(['body.1', 'body.2', 'stale'], {
      'body.1': { source: 'attribute', key: 'city', fallback: 'x' },
      'body.2': { source: 'constant', value: 'C' },
      other: { source: 'constant', value: 'never' },
    });
    expect(sql.split('?').length - 1).toBe(params.length);
    expect(params).toEqual(['body.1', 'city', 'x', 'body.2', 'C']);
    expect(mappingSql([], {}).sql).toBe(`'{}'::jsonb`);
  });
});
