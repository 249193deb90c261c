import type { ReactNode } from 'react';
import { appCodeOf, errorMessageOf } from '../lib/errors';
import { Button } from './button';
import { Icon } from './icons';

export interface ErrorBannerProps {
  /** Any thrown value; tRPC errors show appCode-aware words. */
  error?: unknown;
  message?: ReactNode;
  title?: ReactNode;
  onRetry?: () => void;
}

export function ErrorBanner({ error, message, title, onRetry }: ErrorBannerProps) {
  if (error == null && message == null) return null;
  const code = appCodeOf(error);
  return (
    <div className="ui-banner ui-banner--danger" role="alert" data-testid="error-banner" data-app-code={code}>
      <Icon name="alert" className="ui-banner__icon" />
      <div className="ui-banner__content">
        {title && <strong className="ui-banner__title">{title}</strong>}
        <span>{message ?? errorMessageOf(error)}</span>
      </div>
      {onRetry && (
        <Button size="sm" variant="ghost" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

/** Success and information messages, e.g. "Password changed". */
export function Notice({ tone = 'success', children, testId }: { tone?: 'success' | 'info' | 'warning'; children: ReactNode; testId?: string }) {
  return (
    <div className={`ui-banner ui-banner--${tone}`} role="status" data-testid={testId}>
      <Icon name={tone === 'success' ? 'check' : 'alert'} className="ui-banner__icon" />
      <div className="ui-banner__content">{children}</div>
    </div>
  );
}
