import type { ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface SegmentOption<T extends string> {
  value: T;
  label: ReactNode;
  /** A small number after the label (e.g. how many rows a filter matches). */
  count?: number;
  disabled?: boolean;
}

export interface SegmentedControlProps<T extends string> {
  options: readonly SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Accessible name of the group. */
  label: string;
  size?: 'sm' | 'md';
  testId?: string;
}

/** One choice out of a few, all visible: filters, header formats, parameter formats. */
export function SegmentedControl<T extends string>({
  options,
  value,
  onChange,
  label,
  size = 'md',
  testId,
}: SegmentedControlProps<T>) {
  return (
    <div
      className={cx('ui-segmented', `ui-segmented--${size}`)}
      role="group"
      aria-label={label}
      data-testid={testId}
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          className="ui-segmented__option"
          aria-pressed={option.value === value}
          disabled={option.disabled}
          onClick={() => onChange(option.value)}
          data-value={option.value}
        >
          {option.label}
          {option.count !== undefined && <span className="ui-segmented__count">{option.count}</span>}
        </button>
      ))}
    </div>
  );
}
