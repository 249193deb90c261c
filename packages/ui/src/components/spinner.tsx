import { cx } from '../lib/cx';

export interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  label?: string;
  className?: string;
}

export function Spinner({ size = 'md', label = 'Loading', className }: SpinnerProps) {
  return <span role="status" aria-label={label} className={cx('ui-spinner', `ui-spinner--${size}`, className)} />;
}

/** A centred spinner for a page or panel that is still loading. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="ui-loading" data-testid="loading">
      <Spinner size="lg" label={label} />
      <span>{label}</span>
    </div>
  );
}
