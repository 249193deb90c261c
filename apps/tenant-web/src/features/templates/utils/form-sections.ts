import type { TemplateForm } from './template-form';

/** Which part of the form a field belongs to, so its problems show once that part was touched. */
export const SECTION_OF: Record<keyof TemplateForm, string> = {
  accountId: 'identity',
  name: 'identity',
  language: 'identity',
  category: 'identity',
  parameterFormat: 'body',
  header: 'header',
  headerText: 'header',
  headerMedia: 'header',
  headerExamples: 'header',
  bodyText: 'body',
  bodyExamples: 'body',
  footerText: 'footer',
  buttons: 'buttons',
  addSecurityRecommendation: 'body',
  codeExpirationMinutes: 'footer',
};

export function sectionOfField(field: string): string {
  if (field.startsWith('components.header')) return 'header';
  if (field.startsWith('components.body')) return 'body';
  if (field.startsWith('components.footer')) return 'footer';
  if (field.startsWith('components.buttons')) return 'buttons';
  return field === 'parameterFormat' ? 'body' : 'identity';
}
