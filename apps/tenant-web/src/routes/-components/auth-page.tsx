import type { ReactNode } from 'react';
import { Brand } from '@dbulk/ui';

/** The centred card layout of sign-in, sign-up and invitation pages. */
export function AuthPage({
  title,
  subtitle,
  children,
  footer,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="ui-auth-page">
      <div className="ui-auth-page__brand">
        <Brand />
      </div>
      <div className="ui-auth-card">
        <div>
          <h1 className="ui-auth-card__title">{title}</h1>
          {subtitle && <p className="ui-auth-card__subtitle">{subtitle}</p>}
        </div>
        {children}
      </div>
      {footer && <div className="ui-auth-page__footer">{footer}</div>}
    </div>
  );
}
