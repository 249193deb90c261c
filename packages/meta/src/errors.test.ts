import { describe, expect, it } from 'vitest';
import { META_ERROR_TABLE } from './error-table';
import { classifyMetaError, isRetryLater, pairBackoffMs, type MetaErrorClass, type MetaErrorClassification } from './errors';
import { readmeErrorCodes } from './test/shared-meta';

type Expect = [code: number, cls: MetaErrorClass, facts?: Partial<MetaErrorClassification>];
const broken = { markConnectionBroken: true, pauseCampaign: true };
const human = { pauseCampaign: true };
const DAY = 24 * 60 * 60 * 1_000;

// Every code of README §4, in its order, with the class and facts dbulk acts on.
const SECTION_4: Expect[] = [
  [0, 'needs_human', broken],
  [1, 'retryable', { maxAttempts: 3, exhaustedClass: 'fix_request' }],
  [2, 'retryable'],
  [3, 'needs_human', broken],
  [4, 'throttled', { scope: 'app', retryAfterMs: 60_000 }],
  [10, 'needs_human', broken],
  [33, 'needs_human', broken],
  [100, 'fix_request'],
  [190, 'needs_human', broken],
  [200, 'needs_human', broken],
  [250, 'needs_human', broken],
  [299, 'needs_human', broken],
  [368, 'needs_human', broken],
  [130403, 'permanent'],
  [130429, 'throttled', { halveRate: true, scope: 'number' }],
  [130472, 'permanent'],
  [130497, 'permanent'],
  [131000, 'retryable', { maxAttempts: 3, exhaustedClass: 'permanent' }],
  [131005, 'needs_human', broken],
  [131008, 'fix_request'],
  [131009, 'fix_request'],
  [131016, 'retryable'],
  [131021, 'permanent'],
  [131026, 'permanent', { flagContact: true, scope: 'recipient' }],
  [131030, 'needs_human', human],
  [131031, 'needs_human', broken],
  [131037, 'needs_human', broken],
  [131042, 'needs_human', broken],
  [131045, 'needs_human', broken],
  [131047, 'permanent'],
  [131048, 'needs_human', { halveRate: true, pauseCampaign: true }],
  [131049, 'permanent', { notBeforeMs: DAY }],
  [131050, 'permanent', { suppressRecipient: 'marketing' }],
  [131051, 'fix_request'],
  [131052, 'permanent', { scope: 'inbound' }],
  [131053, 'fix_request'],
  [131056, 'throttled', { pairBackoff: true, halveRate: true, scope: 'pair' }],
  [131057, 'retryable', { retryAfterMs: 60_000 }],
  [131063, 'needs_human', human],
  [131064, 'needs_human', human],
  [132000, 'fix_request'],
  [132001, 'needs_human', { resyncTemplates: true, pauseCampaign: true }],
  [132005, 'fix_request'],
  [132007, 'needs_human', human],
  [132012, 'fix_request'],
  [132015, 'needs_human', { pauseCampaign: true, scope: 'template' }],
  [132016, 'needs_human', { pauseCampaign: true, scope: 'template' }],
  [133004, 'retryable'],
  [133010, 'needs_human', broken],
  [135000, 'needs_human', human],
  [80007, 'throttled', { halveRate: true }],
  [2388019, 'needs_human', human],
];

const ONLY_FLAGGED = ['suppressRecipient', 'flagContact', 'notBeforeMs', 'pairBackoff', 'halveRate', 'markConnectionBroken'] as const;

describe('classifyMetaError', () => {
  it('has a row for every code in README §4 (read from the README itself)', () => {
    const codes = readmeErrorCodes();
    expect(codes.length).toBeGreaterThanOrEqual(50);
    for (const code of codes) expect(classifyMetaError(code).known, `code ${code}`).toBe(true);
    expect(SECTION_4.map(([code]) => code)).toEqual(expect.arrayContaining(codes));
  });

  it.each(SECTION_4)('classifies %i as %s', (code, cls, facts = {}) => {
    const c = classifyMetaError(code);
    expect(c).toMatchObject({ class: cls, code, known: true, ...facts });
    expect(c.reason.length).toBeGreaterThan(5);
  });

  it('sets the per-code facts on exactly the codes that carry them', () => {
    const tableCodes = [...META_ERROR_TABLE.keys(), 200, 250, 299];
    for (const flag of ONLY_FLAGGED) {
      const expected = SECTION_4.filter(([, , f]) => f?.[flag] !== undefined).map(([code]) => code).sort();
      const actual = tableCodes.filter((code) => classifyMetaError(code)[flag] !== undefined).sort();
      expect(actual, flag).toEqual([...new Set(expected)]);
    }
  });

  it('pauses the campaign for every needs_human code and for nothing else', () => {
    for (const code of [...META_ERROR_TABLE.keys(), 250]) {
      const c = classifyMetaError(code);
      expect(c.pauseCampaign === true, `code ${code}`).toBe(c.class === 'needs_human');
    }
  });

  it('never classifies a Meta code as ambiguous: that class is for lost answers only', () => {
    for (const code of META_ERROR_TABLE.keys()) expect(classifyMetaError(code).class).not.toBe('ambiguous');
  });

  it('classifies template creation codes as fix_request and 80008 as throttled', () => {
    for (const code of [2388039, 2388040, 2388047, 2388072, 2388073, 2388293, 2388299]) {
      expect(classifyMetaError(code)).toMatchObject({ class: 'fix_request', scope: 'template', known: true });
    }
    expect(classifyMetaError(80008).class).toBe('throttled');
  });

  it('retries an unknown code a few times when Meta answered 5xx, then gives up; flags it for review', () => {
    expect(classifyMetaError(999_999, { httpStatus: 503 })).toMatchObject({
      class: 'retryable', known: false, maxAttempts: 3, exhaustedClass: 'permanent', needsReview: true,
    });
  });

  it('treats an unknown code from a 4xx or a webhook as permanent, flagged for review', () => {
    expect(classifyMetaError(999_999, { httpStatus: 400 })).toMatchObject({ class: 'permanent', known: false, needsReview: true });
    expect(classifyMetaError(999_999)).toMatchObject({ class: 'permanent', known: false, needsReview: true });
    expect(classifyMetaError(undefined, { httpStatus: 429 })).toMatchObject({ class: 'throttled', needsReview: true });
  });

  it('prefers the code over the HTTP status (Meta: build on code, not status)', () => {
    expect(classifyMetaError(131050, { httpStatus: 500 }).class).toBe('permanent');
    expect(classifyMetaError(2, { httpStatus: 400 }).class).toBe('retryable');
  });
});

describe('pairBackoffMs', () => {
  it('waits 4^X seconds for the X-th failure, capped', () => {
    expect([0, 1, 2, 3].map((x) => pairBackoffMs(x))).toEqual([1_000, 4_000, 16_000, 64_000]);
    expect(pairBackoffMs(50)).toBe(60 * 60 * 1_000);
    expect(pairBackoffMs(-1)).toBe(1_000);
  });
});

describe('isRetryLater', () => {
  it('is true for retryable and throttled only', () => {
    expect(['retryable', 'throttled', 'permanent', 'fix_request', 'needs_human', 'ambiguous'].map((c) => isRetryLater(c as MetaErrorClass)))
      .toEqual([true, true, false, false, false, false]);
  });
});
