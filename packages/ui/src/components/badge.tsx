import type { ReactNode } from 'react';
import { humanize } from '../lib/format';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'accent';

export function Badge({ tone = 'neutral', children, testId }: { tone?: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span className={`ui-badge ui-badge--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}

const ROLE_TONES: Record<string, BadgeTone> = { owner: 'accent', admin: 'info', member: 'neutral', viewer: 'neutral' };

export function RoleBadge({ role, testId }: { role: string; testId?: string }) {
  return (
    <Badge tone={ROLE_TONES[role] ?? 'neutral'} testId={testId}>
      {humanize(role)}
    </Badge>
  );
}

const STATUS_TONES: Record<string, BadgeTone> = {
  active: 'success',
  up: 'success',
  enabled: 'success',
  suspended: 'danger',
  down: 'danger',
  disabled: 'warning',
  pending: 'warning',
  expired: 'neutral',
};

export function StatusBadge({ status, label, testId }: { status: string; label?: string; testId?: string }) {
  return (
    <Badge tone={STATUS_TONES[status.toLowerCase()] ?? 'neutral'} testId={testId}>
      <span className="ui-badge__dot" aria-hidden="true" />
      {label ?? humanize(status)}
    </Badge>
  );
}
