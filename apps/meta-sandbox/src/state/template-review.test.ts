import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKETING_WORDS, DEFAULT_POLICY_WORDS } from './scenario';
import { containsPhrase, reviewTemplate } from './template-review';
import type { TemplateCategory } from './templates';

const rules = { policyWords: DEFAULT_POLICY_WORDS, marketingWords: DEFAULT_MARKETING_WORDS };
const review = (category: TemplateCategory, text: string) => reviewTemplate({ category, components: [{ type: 'BODY', text }] }, rules);

describe('reviewTemplate', () => {
  it('approves an ordinary utility template as utility', () => {
    expect(review('UTILITY', 'Your order {{1}} has shipped.')).toEqual({ status: 'APPROVED', category: 'UTILITY', recategorisedFrom: null });
  });

  it('rejects a policy phrase with its reason, whatever the case', () => {
    expect(review('MARKETING', 'You are a GUARANTEED WINNER, {{1}}!')).toMatchObject({ status: 'REJECTED', reason: 'SCAM' });
    expect(review('MARKETING', 'Get free money now, {{1}}.')).toMatchObject({ status: 'REJECTED', reason: 'PROMOTIONAL' });
  });

  it('rejects adjacent variables as INVALID_FORMAT', () => {
    expect(review('UTILITY', 'Order {{1}}{{2}} shipped.')).toMatchObject({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
  });

  it('approves a utility template with marketing wording as MARKETING', () => {
    expect(review('UTILITY', 'Your order {{1}} shipped. Enjoy 20% off your next one!')).toEqual({
      status: 'APPROVED',
      category: 'MARKETING',
      recategorisedFrom: 'UTILITY',
    });
  });

  it('matches whole words only', () => {
    expect(containsPhrase('wholesale order', 'sale')).toBe(false);
    expect(containsPhrase('big sale today', 'sale')).toBe(true);
    expect(containsPhrase('save 20% off', '% off')).toBe(true);
  });
});
