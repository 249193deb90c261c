import { TextField } from '@dbulk/ui';

export function ExampleFields({
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
