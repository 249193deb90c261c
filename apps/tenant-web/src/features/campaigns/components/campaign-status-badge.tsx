import { Badge, humanize } from '@dbulk/ui';
import {
  campaignTone,
  messageTone,
  MESSAGE_LABELS,
  type CampaignStatus,
  type MessageStatus,
} from '../utils/campaign-status';

export function CampaignStatusBadge({ status, testId }: { status: CampaignStatus; testId?: string }) {
  return (
    <span data-status={status} data-testid={testId}>
      <Badge tone={campaignTone(status)}>
        <span className="ui-badge__dot" aria-hidden="true" />
        {humanize(status)}
      </Badge>
    </span>
  );
}

export function MessageStatusBadge({ status }: { status: MessageStatus }) {
  return (
    <span data-status={status}>
      <Badge tone={messageTone(status)}>{MESSAGE_LABELS[status]}</Badge>
    </span>
  );
}
