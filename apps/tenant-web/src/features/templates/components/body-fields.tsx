import { TextAreaField } from '@dbulk/ui';
import { variableNames } from '../utils/template-variables';
import { useVariableInserter } from '../hooks/use-variable-inserter';
import { LabelWithCounter, LIMITS } from './builder-counter';
import type { SectionProps } from './builder-section';
import { VariableButton } from './variable-button';
import { ExampleFields } from './variable-examples';

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
