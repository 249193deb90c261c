import { Badge, humanize } from '@dbulk/ui';
import { statusTone, type TemplateStatus } from '../utils/template-status';

export function TemplateStatusBadge({ status, testId }: { status: TemplateStatus; testId?: string }) {
  return (
    <span data-status={status} data-testid={testId}>
      <Badge tone={statusTone(status)}>
        <span className="ui-badge__dot" aria-hidden="true" />
        {humanize(status)}
      </Badge>
    </span>
  );
}
