import { describe, expect, it } from 'vitest';
import {
  guessSource,
  mappingFor,
  parseTags,
  reachableStep,
  sourceOfKind,
  unmappedKeys,
  variableLabel,
  wizardSearchSchema,
} from './wizard';

describe('campaign wizard rules', () => {
  it('reads the step from the URL and drops junk', () => {
    expect(wizardSearchSchema.parse({ step: 'mapping' })).toEqual({ step: 'mapping' });
    expect(wizardSearchSchema.parse({ step: 'nope', campaignId: 'x' })).toEqual({});
  });

  it('keeps a wizard without a draft on the template step', () => {
    expect(reachableStep('review', false)).toBe('template');
    expect(reachableStep('review', true)).toBe('review');
    expect(reachableStep(undefined, true)).toBe('audience');
  });

  it('names the variables that have no value source, in template order', () => {
    const keys = ['header.1', 'body.1', 'body.2', 'buttons.0'];
    expect(
      unmappedKeys(keys, {
        'body.1': { source: 'field', field: 'name' },
        'body.2': { source: 'attribute', key: '  ' },
        'buttons.0': { source: 'constant', value: 'abc' },
      }),
    ).toEqual(['header.1', 'body.2']);
  });

  it('drops stale keys and guesses the name field for a named first_name variable', () => {
    expect(
      mappingFor(['body.first_name', 'body.code'], { 'body.old': { source: 'constant', value: 'x' } }),
    ).toEqual({ 'body.first_name': { source: 'field', field: 'name' } });
    expect(guessSource('body.1')).toBeUndefined();
    expect(guessSource('body.phone_number')).toEqual({ source: 'field', field: 'phone' });
  });

  it('keeps the typed text when switching between attribute and constant', () => {
    expect(sourceOfKind('constant', { source: 'attribute', key: 'city' })).toEqual({
      source: 'constant',
      value: 'city',
    });
    expect(sourceOfKind('attribute', { source: 'constant', value: 'tier' })).toEqual({
      source: 'attribute',
      key: 'tier',
    });
    expect(sourceOfKind('field')).toEqual({ source: 'field', field: 'name' });
  });

  it('labels variable keys as the tenant sees them', () => {
    expect(variableLabel('body.1')).toBe('Body {{1}}');
    expect(variableLabel('header.name')).toBe('Header {{name}}');
    expect(variableLabel('buttons.0')).toBe('Button 1');
    expect(variableLabel('header.image')).toBe('Header image');
  });

  it('parses a tag filter, trimming and deduplicating', () => {
    expect(parseTags(' vip, Lisbon ,, vip')).toEqual(['vip', 'Lisbon']);
    expect(parseTags('')).toEqual([]);
  });
});
