import { Badge, Icon, StatusBadge } from '@dbulk/ui';
import { qualityOf } from '../utils/account-facts';

/** Meta's quality rating, coloured as WhatsApp Manager colours it. */
export function QualityBadge({ rating, testId }: { rating: string | null; testId?: string }) {
  const quality = qualityOf(rating);
  return (
    <span title={`Meta quality rating: ${quality.rating}`} data-rating={quality.rating}>
      <Badge tone={quality.tone} testId={testId}>
        <span className="ui-badge__dot" aria-hidden="true" />
        {quality.label}
      </Badge>
    </span>
  );
}

export function ConnectionBadge({ status, testId }: { status: string; testId?: string }) {
  const tone = status === 'connected' ? 'active' : status === 'broken' ? 'down' : status;
  return (
    <StatusBadge
      status={tone}
      label={status === 'connected' ? 'Connected' : status === 'broken' ? 'Broken' : undefined}
      testId={testId}
    />
  );
}

export function SandboxBadge() {
  return (
    <Badge tone="info">
      <Icon name="server" style={{ width: 12, height: 12 }} />
      Sandbox
    </Badge>
  );
}
