/**
 * The builder's sections, each bound to a slice of the form. `problem(field)` returns Meta's
 * sentence for a field path when it should show (after the section was touched or a save).
 */
import { useRef, useState, type ReactNode } from 'react';
import { Button, cx, FieldFrame, Icon, SegmentedControl, Select, TextAreaField, TextField } from '@dbulk/ui';
import { CATEGORY_HINTS, CATEGORY_LABELS } from '../utils/template-status';
import { LANGUAGES } from '../utils/languages';
import {
  insertAt,
  nextPositional,
  variableNames,
  type HeaderChoice,
  type TemplateForm,
} from '../utils/template-form';

export interface SectionProps {
  form: TemplateForm;
  update: (patch: Partial<TemplateForm>) => void;
  problem: (field: string) => string | undefined;
  disabled?: boolean;
}

const LIMITS = { header: 60, body: 1024, footer: 60 };

export function Counter({ value, max }: { value: string; max: number }) {
  return (
    <span
      className={cx('ui-counter', value.length > max && 'ui-counter--over')}
    >{`${value.length} / ${max}`}</span>
  );
}

function LabelWithCounter({ label, value, max }: { label: string; value: string; max: number }) {
  return (
    <span className="ui-row" style={{ justifyContent: 'space-between', width: '100%' }}>
      {label}
      <Counter value={value} max={max} />
    </span>
  );
}

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

/** Inserts a variable at the caret of a text input or textarea. */
function useVariableInserter<T extends HTMLInputElement | HTMLTextAreaElement>(
  text: string,
  setText: (next: string) => void,
) {
  const ref = useRef<T>(null);
  const insert = (name: string) => {
    const element = ref.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const next = insertAt(text, start, end, `{{${name}}}`);
    setText(next.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };
  return { ref, insert };
}

function VariableButton({
  format,
  text,
  onInsert,
  disabled,
  testId,
}: {
  format: TemplateForm['parameterFormat'];
  text: string;
  onInsert: (name: string) => void;
  disabled?: boolean;
  testId: string;
}) {
  const [name, setName] = useState('');
  if (format === 'POSITIONAL') {
    return (
      <Button
        size="sm"
        variant="secondary"
        icon={<Icon name="braces" />}
        disabled={disabled}
        onClick={() => onInsert(nextPositional(text))}
        data-testid={testId}
      >
        Add variable {`{{${nextPositional(text)}}}`}
      </Button>
    );
  }
  const valid = /^[a-z][a-z0-9_]*$/.test(name);
  return (
    <div className="ui-row" style={{ gap: 6, flexWrap: 'nowrap' }}>
      <input
        className="ui-input"
        style={{ height: 30, width: 150, fontSize: 13 }}
        placeholder="first_name"
        aria-label="Variable name"
        value={name}
        disabled={disabled}
        onChange={(e) => setName(e.target.value.toLowerCase().replace(/[\s-]+/g, '_'))}
        data-testid={`${testId}-name`}
      />
      <Button
        size="sm"
        icon={<Icon name="braces" />}
        disabled={disabled || !valid}
        onClick={() => {
          onInsert(name);
          setName('');
        }}
        data-testid={testId}
      >
        Add variable
      </Button>
    </div>
  );
}

function ExampleFields({
  names,
  examples,
  onChange,
  problem,
  fieldPrefix,
  disabled,
  testIdPrefix,
}: {
  names: string[];
  examples: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  problem: (field: string) => string | undefined;
  fieldPrefix: string;
  disabled?: boolean;
  testIdPrefix: string;
}) {
  if (names.length === 0) return null;
  return (
    <div className="ui-subcard">
      <div className="ui-subcard__head">
        <span>Samples</span>
        <span className="ui-muted ui-small" style={{ fontWeight: 400 }}>
          Meta reviews the template with these values.
        </span>
      </div>
      <div className="ui-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}>
        {names.map((name) => (
          <TextField
            key={name}
            label={`{{${name}}}`}
            required
            disabled={disabled}
            value={examples[name] ?? ''}
            onChange={(e) => onChange({ ...examples, [name]: e.target.value })}
            error={problem(`${fieldPrefix}.${name}`)}
            data-testid={`${testIdPrefix}-${name}`}
          />
        ))}
      </div>
    </div>
  );
}

const HEADER_OPTIONS: { value: HeaderChoice; label: ReactNode }[] = [
  { value: 'NONE', label: 'None' },
  { value: 'TEXT', label: 'Text' },
  { value: 'IMAGE', label: 'Image' },
  { value: 'VIDEO', label: 'Video' },
  { value: 'DOCUMENT', label: 'Document' },
];

export function HeaderFields({ form, update, problem, disabled }: SectionProps) {
  const { ref, insert } = useVariableInserter<HTMLInputElement>(form.headerText, (headerText) =>
    update({ headerText }),
  );
  const names = variableNames(form.headerText);
  return (
    <div className="ui-stack">
      <div>
        <SegmentedControl
          label="Header"
          size="sm"
          value={form.header}
          onChange={(header) => update({ header })}
          options={HEADER_OPTIONS}
          testId="builder-header"
        />
      </div>
      {problem('components.header') && <p className="ui-field__error">{problem('components.header')}</p>}
      {form.header === 'TEXT' && (
        <>
          <TextField
            ref={ref}
            label={<LabelWithCounter label="Header text" value={form.headerText} max={LIMITS.header} />}
            disabled={disabled}
            value={form.headerText}
            onChange={(e) => update({ headerText: e.target.value })}
            error={problem('components.header.text')}
            data-testid="builder-header-text"
          />
          {names.length === 0 && (
            <div>
              <VariableButton
                format={form.parameterFormat}
                text={form.headerText}
                onInsert={insert}
                disabled={disabled}
                testId="builder-header-variable"
              />
            </div>
          )}
          <ExampleFields
            names={names}
            examples={form.headerExamples}
            onChange={(headerExamples) => update({ headerExamples })}
            problem={problem}
            fieldPrefix="components.header.examples"
            disabled={disabled}
            testIdPrefix="builder-header-example"
          />
        </>
      )}
      {form.header !== 'NONE' && form.header !== 'TEXT' && (
        <TextField
          label={`Sample ${form.header.toLowerCase()}`}
          disabled={disabled}
          placeholder="https://example.com/sample.jpg or an upload handle"
          value={form.headerMedia}
          onChange={(e) => update({ headerMedia: e.target.value })}
          hint="A public URL of a sample, or a handle from Meta’s Resumable Upload API. Each send supplies its own media."
          error={problem('components.header.mediaExample')}
          data-testid="builder-header-media"
        />
      )}
    </div>
  );
}

export function BodyFields({ form, update, problem, disabled }: SectionProps) {
  const { ref, insert } = useVariableInserter<HTMLTextAreaElement>(form.bodyText, (bodyText) =>
    update({ bodyText }),
  );
  return (
    <div className="ui-stack">
      <TextAreaField
        ref={ref}
        label={<LabelWithCounter label="Body" value={form.bodyText} max={LIMITS.body} />}
        rows={6}
        disabled={disabled}
        placeholder={
          form.parameterFormat === 'NAMED'
            ? 'Hi {{first_name}}, your order {{order_id}} has shipped.'
            : 'Hi {{1}}, your order {{2}} has shipped.'
        }
        value={form.bodyText}
        onChange={(e) => update({ bodyText: e.target.value })}
        hint="WhatsApp formatting works: *bold*, _italic_, ~strikethrough~, ```monospace```."
        error={problem('components.body.text')}
        data-testid="builder-body"
      />
      <div className="ui-row" style={{ justifyContent: 'space-between' }}>
        <VariableButton
          format={form.parameterFormat}
          text={form.bodyText}
          onInsert={insert}
          disabled={disabled}
          testId="builder-body-variable"
        />
      </div>
      <ExampleFields
        names={variableNames(form.bodyText)}
        examples={form.bodyExamples}
        onChange={(bodyExamples) => update({ bodyExamples })}
        problem={problem}
        fieldPrefix="components.body.examples"
        disabled={disabled}
        testIdPrefix="builder-example"
      />
    </div>
  );
}

export function FooterFields({ form, update, problem, disabled }: SectionProps) {
  return (
    <TextField
      label={<LabelWithCounter label="Footer (optional)" value={form.footerText} max={LIMITS.footer} />}
      disabled={disabled}
      placeholder="Reply STOP to opt out"
      value={form.footerText}
      onChange={(e) => update({ footerText: e.target.value })}
      hint="Small grey text under the message. No variables."
      error={problem('components.footer.text')}
      data-testid="builder-footer"
    />
  );
}

export function AuthenticationFields({ form, update, problem, disabled }: SectionProps) {
  return (
    <div className="ui-stack">
      <p className="ui-muted">
        Meta writes authentication messages itself: “<em>123456</em> is your verification code.” with a Copy
        code button. Choose the options; every send supplies the code.
      </p>
      <label className="ui-check">
        <input
          type="checkbox"
          disabled={disabled}
          checked={form.addSecurityRecommendation}
          onChange={(e) => update({ addSecurityRecommendation: e.target.checked })}
        />
        <span>Add “For your security, do not share this code.”</span>
      </label>
      <TextField
        label="Code expires after (minutes, optional)"
        type="number"
        min={1}
        max={90}
        disabled={disabled}
        value={form.codeExpirationMinutes}
        onChange={(e) => update({ codeExpirationMinutes: e.target.value })}
        hint="Shown as the footer: “This code expires in N minutes.”"
        error={problem('components.footer.codeExpirationMinutes')}
      />
    </div>
  );
}
