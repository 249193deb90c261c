import { Avatar, Badge, Card, EmptyState, ErrorBanner, formatDateTime, formatRelativeTime } from '@dbulk/ui';
import { useActivityFeed } from '../hooks/use-activity-feed';
import { describeAuditItem } from '../utils/describe-audit';

const STATUS_LABEL = {
  idle: { tone: 'neutral', text: 'Paused' },
  connecting: { tone: 'warning', text: 'Connecting…' },
  pending: { tone: 'success', text: 'Live' },
  error: { tone: 'danger', text: 'Offline' },
} as const;

export function ActivityFeed() {
  const { items, status, error } = useActivityFeed();
  const label = STATUS_LABEL[status];
  return (
    <Card
      title="Activity"
      description="Changes in this tenant, as they happen."
      actions={
        <Badge tone={label.tone} testId="activity-status">
          <span className="ui-badge__dot" aria-hidden="true" />
          {label.text}
        </Badge>
      }
    >
      {error && <ErrorBanner error={error} title="Live updates stopped" />}
      {items.length === 0 ? (
        <EmptyState icon="activity" title="No activity yet" description="Invitations, role changes and campaign actions appear here." />
      ) : (
        <ul className="ui-feed" data-testid="activity-feed">
          {items.map((item) => (
            <li key={item.id} className="ui-feed__item">
              <Avatar name={item.actorEmail ?? 'system'} size="sm" />
              <div className="ui-feed__text">
                <span>
                  <strong>{item.actorEmail ?? 'System'}</strong> {describeAuditItem(item)}
                </span>
                <time className="ui-muted ui-small" dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
                  {formatRelativeTime(item.createdAt)}
                </time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
