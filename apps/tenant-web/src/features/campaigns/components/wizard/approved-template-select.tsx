import { Select } from '@dbulk/ui';
import type { RouterOutputs } from '../../../../lib/trpc';

type Template = RouterOutputs['templates']['list']['items'][number];

/** The number's APPROVED templates (only those can be sent), named with language and category. */
export function ApprovedTemplateSelect({
  templates,
  loading,
  value,
  onChange,
  error,
}: {
  templates: readonly Template[];
  loading: boolean;
  value: string;
  onChange: (templateId: string) => void;
  error: string | undefined;
}) {
  const empty = { value: '', label: loading ? 'Loading…' : 'No approved templates on this number' };
  return (
    <Select
      label="Approved template"
      value={value}
      disabled={loading || templates.length === 0}
      onChange={(e) => onChange(e.target.value)}
      options={
        templates.length === 0
          ? [empty]
          : templates.map((t) => ({
              value: t.id,
              label: `${t.name} · ${t.language} · ${t.category.toLowerCase()}`,
            }))
      }
      error={error}
      data-testid="wizard-template"
    />
  );
}
