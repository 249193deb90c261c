import type { ReactNode } from 'react';
import { Brand } from './app-shell';

export interface AuthPageProps {
  /** Defaults to the plain product mark; the admin console passes `<Brand suffix="Admin" />`. */
  brand?: ReactNode;
  /** Without a title the card holds only `children` (e.g. a full-page "not found"). */
  title?: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The centred card layout of sign-in, sign-up, invitation and stand-alone error pages. */
export function AuthPage({ brand = <Brand />, title, subtitle, children, footer }: AuthPageProps) {
  return (
    <div className="ui-auth-page">
      <div className="ui-auth-page__brand">{brand}</div>
      <div className="ui-auth-card">
        {title && (
          <div>
            <h1 className="ui-auth-card__title">{title}</h1>
            {subtitle && <p className="ui-auth-card__subtitle">{subtitle}</p>}
          </div>
        )}
        {children}
      </div>
      {footer && <div className="ui-auth-page__footer">{footer}</div>}
    </div>
  );
}
