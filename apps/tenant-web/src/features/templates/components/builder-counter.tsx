import { cx } from '@dbulk/ui';

/** Meta's length limits for the text parts. */
export const LIMITS = { header: 60, body: 1024, footer: 60 };

export function Counter({ value, max }: { value: string; max: number }) {
  return (
    <span
      className={cx('ui-counter', value.length > max && 'ui-counter--over')}
    >{`${value.length} / ${max}`}</span>
  );
}

export function LabelWithCounter({ label, value, max }: { label: string; value: string; max: number }) {
  return (
    <span className="ui-row" style={{ justifyContent: 'space-between', width: '100%' }}>
      {label}
      <Counter value={value} max={max} />
    </span>
  );
}
