/**
 * The builder's sections, each bound to a slice of the form. `problem(field)` returns Meta's
 * sentence for a field path when it should show (after the section was touched or a save).
 */
import type { TemplateForm } from '../utils/template-form';

export interface SectionProps {
  form: TemplateForm;
  update: (patch: Partial<TemplateForm>) => void;
  problem: (field: string) => string | undefined;
  disabled?: boolean;
}
