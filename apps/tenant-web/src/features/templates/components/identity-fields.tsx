import { FieldFrame, SegmentedControl, Select, TextField } from '@dbulk/ui';
import { CATEGORY_HINTS, CATEGORY_LABELS } from '../utils/template-status';
import { LANGUAGES } from '../utils/languages';
import type { TemplateForm } from '../utils/template-form';
import type { SectionProps } from './builder-section';

export function IdentityFields({
  form,
  update,
  problem,
  accounts,
  locked,
}: SectionProps & {
  accounts: { value: string; label: string }[];
  /** What Meta does not let change once submitted. */
  locked: { identity: boolean; category: boolean };
}) {
  return (
    <div className="ui-stack">
      <div className="ui-grid" style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)' }}>
        <Select
          label="WhatsApp number"
          disabled={locked.identity}
          value={form.accountId}
          onChange={(e) => update({ accountId: e.target.value })}
          options={accounts}
          hint="Templates belong to the number’s business account (WABA)."
          data-testid="builder-account"
        />
        <Select
          label="Category"
          disabled={locked.category}
          value={form.category}
          onChange={(e) => update({ category: e.target.value as TemplateForm['category'] })}
          options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
          hint={
            locked.category
              ? 'Meta does not allow changing the category of an approved template.'
              : CATEGORY_HINTS[form.category]
          }
          error={problem('category')}
          data-testid="builder-category"
        />
        <TextField
          label="Name"
          required
          disabled={locked.identity}
          placeholder="order_update"
          value={form.name}
          // Meta's names are lowercase with underscores; typing a space or capital does the right thing.
          onChange={(e) => update({ name: e.target.value.toLowerCase().replace(/[\s-]+/g, '_') })}
          hint="Lowercase letters, digits and underscores. Fixed once submitted."
          error={problem('name')}
          data-testid="builder-name"
        />
        <TextField
          label="Language"
          required
          disabled={locked.identity}
          list="builder-languages"
          value={form.language}
          onChange={(e) => update({ language: e.target.value })}
          hint="Meta’s code, e.g. en_US or pt_BR."
          error={problem('language')}
          data-testid="builder-language"
        />
        <datalist id="builder-languages">
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </datalist>
      </div>
      {form.category !== 'AUTHENTICATION' && (
        <FieldFrame id="builder-format" label="Variables" hint={FORMAT_HINTS[form.parameterFormat]}>
          <div>
            <SegmentedControl
              label="Variable format"
              size="sm"
              value={form.parameterFormat}
              onChange={(parameterFormat) => update({ parameterFormat })}
              options={[
                { value: 'POSITIONAL', label: 'Numbered {{1}}' },
                { value: 'NAMED', label: 'Named {{first_name}}' },
              ]}
              testId="builder-format"
            />
          </div>
        </FieldFrame>
      )}
    </div>
  );
}

const FORMAT_HINTS = {
  POSITIONAL: 'Variables are numbered in order: {{1}}, {{2}}… Campaigns fill them in that order.',
  NAMED: 'Variables have names such as {{first_name}}: lowercase letters, digits and underscores.',
};
