/**
 * Meta's review, reduced to rules a test can aim at: adjacent variables → REJECTED
 * INVALID_FORMAT; a configured policy phrase → REJECTED with that phrase's reason; a UTILITY
 * template with marketing wording → APPROVED as MARKETING (Meta's behaviour since 2025-04-09);
 * anything else → APPROVED.
 * @see https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-categorization
 */
import type { Scenario } from './scenario';
import type { TemplateCategory, TemplateComponent } from './templates';
import { hasAdjacentVariables } from './template-variables';

export type ReviewOutcome =
  | { status: 'APPROVED'; category: TemplateCategory; recategorisedFrom: TemplateCategory | null }
  | { status: 'REJECTED'; reason: string; rejectionInfo: { reason: string; recommendation: string } };

type Rules = Pick<Scenario, 'policyWords' | 'marketingWords'>;

/** All the words a reviewer reads: header, body, footer, button labels and URLs. */
export function templateText(components: TemplateComponent[]): string {
  return components
    .flatMap((component) => [component.text, ...(component.buttons ?? []).flatMap((button) => [button.text, button.url])])
    .filter((text): text is string => typeof text === 'string')
    .join('\n')
    .toLowerCase();
}

/** Whole-word match for phrases that start/end with letters, so "sale" does not hit "wholesale". */
export function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = /^[a-z]/.test(phrase.toLowerCase()) ? '(?<![a-z])' : '';
  const after = /[a-z]$/.test(phrase.toLowerCase()) ? '(?![a-z])' : '';
  return new RegExp(`${before}${escaped}${after}`).test(text);
}

export function reviewTemplate(template: { category: TemplateCategory; components: TemplateComponent[] }, rules: Rules): ReviewOutcome {
  const adjacent = template.components.some((component) => typeof component.text === 'string' && hasAdjacentVariables(component.text));
  if (adjacent) {
    return {
      status: 'REJECTED',
      reason: 'INVALID_FORMAT',
      rejectionInfo: {
        reason: 'The template places two variables directly next to each other with no text between them.',
        recommendation: 'Put descriptive words or punctuation between the variables so each one has context.',
      },
    };
  }
  const text = templateText(template.components);
  const violation = rules.policyWords.find((rule) => containsPhrase(text, rule.phrase));
  if (violation) {
    return {
      status: 'REJECTED',
      reason: violation.reason,
      rejectionInfo: {
        reason: `The template contains content that violates WhatsApp's Business Policy ("${violation.phrase}").`,
        recommendation: 'Remove misleading or prohibited claims and submit the template again.',
      },
    };
  }
  if (template.category === 'UTILITY' && rules.marketingWords.some((word) => containsPhrase(text, word))) {
    return { status: 'APPROVED', category: 'MARKETING', recategorisedFrom: 'UTILITY' };
  }
  return { status: 'APPROVED', category: template.category, recategorisedFrom: null };
}
