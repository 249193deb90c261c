import { Select } from '@dbulk/ui';
import { sourceOfKind, variableLabel, type SourceKind, type VariableSource } from '../../utils/wizard';

const KINDS = [
  { value: 'field', label: 'Contact field' },
  { value: 'attribute', label: 'Contact attribute' },
  { value: 'constant', label: 'Same text for everyone' },
];

const input = { className: 'ui-input', style: { height: 36, minWidth: 120, flex: 1 } } as const;

/** One template variable: where its value comes from, and that value. */
export function MappingRow({
  variable,
  source,
  onChange,
}: {
  variable: { key: string; example?: string | undefined };
  source: VariableSource | undefined;
  onChange: (source: VariableSource) => void;
}) {
  const id = variable.key.replaceAll('.', '-');
  return (
    <div
      className="ui-row"
      style={{ gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
      data-testid={`mapping-row-${id}`}
    >
      <div style={{ width: 150 }}>
        <div className="ui-mono ui-small">{variableLabel(variable.key)}</div>
        {variable.example && <div className="ui-muted ui-small">e.g. {variable.example}</div>}
      </div>
      <Select
        aria-label={`Source of ${variableLabel(variable.key)}`}
        size="sm"
        value={source?.source ?? ''}
        options={[...(source ? [] : [{ value: '', label: 'Choose a source…' }]), ...KINDS]}
        onChange={(e) => e.target.value && onChange(sourceOfKind(e.target.value as SourceKind, source))}
        data-testid={`mapping-source-${id}`}
      />
      {source?.source === 'field' && (
        <Select
          aria-label="Contact field"
          size="sm"
          value={source.field}
          options={[
            { value: 'name', label: 'Name' },
            { value: 'phone', label: 'Phone' },
          ]}
          onChange={(e) => onChange({ source: 'field', field: e.target.value as 'name' | 'phone' })}
          data-testid={`mapping-field-${id}`}
        />
      )}
      {source?.source === 'attribute' && (
        <>
          <input
            {...input}
            aria-label="Attribute name"
            placeholder="attribute, e.g. city"
            value={source.key}
            onChange={(e) => onChange({ ...source, key: e.target.value })}
            data-testid={`mapping-attribute-${id}`}
          />
          <input
            {...input}
            aria-label="Fallback when the contact has no value"
            placeholder="fallback (optional)"
            value={source.fallback ?? ''}
            onChange={(e) =>
              onChange(
                e.target.value
                  ? { ...source, fallback: e.target.value }
                  : { source: 'attribute', key: source.key },
              )
            }
            data-testid={`mapping-fallback-${id}`}
          />
        </>
      )}
      {source?.source === 'constant' && (
        <input
          {...input}
          aria-label="Text"
          placeholder="text sent to everyone"
          value={source.value}
          onChange={(e) => onChange({ source: 'constant', value: e.target.value })}
          data-testid={`mapping-constant-${id}`}
        />
      )}
    </div>
  );
}
