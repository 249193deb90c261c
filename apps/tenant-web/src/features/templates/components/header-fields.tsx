import type { ReactNode } from 'react';
import { SegmentedControl, TextField } from '@dbulk/ui';
import type { HeaderChoice } from '../utils/template-form';
import { variableNames } from '../utils/template-variables';
import { useVariableInserter } from '../hooks/use-variable-inserter';
import { LabelWithCounter, LIMITS } from './builder-counter';
import type { SectionProps } from './builder-section';
import { VariableButton } from './variable-button';
import { ExampleFields } from './variable-examples';

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
