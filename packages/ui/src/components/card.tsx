import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '../lib/cx';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  footer?: ReactNode;
  /** Drops the body padding, for a table that fills the card. */
  flush?: boolean;
  tone?: 'default' | 'danger' | 'success';
}

export function Card({ title, description, actions, footer, flush, tone = 'default', className, children, ...rest }: CardProps) {
  return (
    <section className={cx('ui-card', tone !== 'default' && `ui-card--${tone}`, className)} {...rest}>
      {(title || actions) && (
        <header className="ui-card__header">
          <div>
            {title && <h2 className="ui-card__title">{title}</h2>}
            {description && <p className="ui-card__description">{description}</p>}
          </div>
          {actions && <div className="ui-card__actions">{actions}</div>}
        </header>
      )}
      <div className={cx('ui-card__body', flush && 'ui-card__body--flush')}>{children}</div>
      {footer && <footer className="ui-card__footer">{footer}</footer>}
    </section>
  );
}

/** A labelled number; `value` "—" with a hint marks a figure that arrives with a later feature. */
export function Stat({ label, value, hint, testId }: { label: ReactNode; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <div className="ui-stat" data-testid={testId}>
      <div className="ui-stat__label">{label}</div>
      <div className="ui-stat__value">{value}</div>
      {hint && <div className="ui-stat__hint">{hint}</div>}
    </div>
  );
}

/** Label/value pairs for detail pages. */
export function DescriptionList({ items }: { items: { label: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="ui-dl">
      {items.map((item, index) => (
        <div className="ui-dl__row" key={index}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
