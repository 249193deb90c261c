import type { ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  icon?: IconName;
  action?: ReactNode;
  /** A small "arrives with …" line for sections whose feature is not built yet. */
  note?: ReactNode;
  testId?: string;
}

export function EmptyState({ title, description, icon = 'list', action, note, testId }: EmptyStateProps) {
  return (
    <div className="ui-empty" data-testid={testId}>
      <div className="ui-empty__icon">
        <Icon name={icon} />
      </div>
      <h3 className="ui-empty__title">{title}</h3>
      {description && <p className="ui-empty__description">{description}</p>}
      {action && <div className="ui-empty__action">{action}</div>}
      {note && <p className="ui-empty__note">{note}</p>}
    </div>
  );
}

/** "Page not found" with a way back; the app passes the link, since only it knows its routes. */
export function NotFoundState({ action }: { action: ReactNode }) {
  return (
    <EmptyState
      icon="search"
      title="Page not found"
      description="The address may be mistyped, or the page has moved."
      action={action}
    />
  );
}
