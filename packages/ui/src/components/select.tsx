import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import { cx } from '../lib/cx';
import { FieldFrame } from './text-field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'> {
  options: readonly SelectOption[];
  /** Without a label the select renders bare (e.g. inside a table cell); give it an aria-label then. */
  label?: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  size?: 'sm' | 'md';
  fieldClassName?: string;
}

export function Select({ options, label, hint, error, size = 'md', fieldClassName, id, className, ...select }: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  const control = (
    <select
      id={selectId}
      className={cx('ui-input', 'ui-select', size === 'sm' && 'ui-select--sm', className)}
      aria-invalid={error ? true : undefined}
      {...select}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
  if (label == null) return control;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error} className={fieldClassName}>
      {control}
    </FieldFrame>
  );
}
