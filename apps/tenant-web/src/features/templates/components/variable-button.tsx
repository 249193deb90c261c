import { useState } from 'react';
import { Button, Icon } from '@dbulk/ui';
import type { TemplateForm } from '../utils/template-form';
import { nextPositional } from '../utils/template-variables';

export function VariableButton({
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
