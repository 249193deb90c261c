import { Badge } from '@dbulk/ui';

/** Opted out (by the contact or by hand), suppressed for marketing only, or reachable. */
export function OptOutBadge({
  optedOutAt,
  suppressions,
  testId,
}: {
  optedOutAt: string | null;
  suppressions: string[];
  testId?: string;
}) {
  if (optedOutAt || suppressions.includes('all'))
    return (
      <Badge tone="danger" testId={testId}>
        Opted out
      </Badge>
    );
  if (suppressions.includes('marketing'))
    return (
      <Badge tone="warning" testId={testId}>
        No marketing
      </Badge>
    );
  return (
    <Badge tone="success" testId={testId}>
      Subscribed
    </Badge>
  );
}
