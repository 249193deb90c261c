import { Card, DescriptionList, formatDateTime, formatRelativeTime, Stat } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { messagingLimitText, tierLabel } from '../utils/account-facts';
import { ConnectionBadge, QualityBadge } from './number-badges';

type Account = RouterOutputs['whatsapp']['byId'];

/** The four figures that decide how much this number may send, as Meta last reported them. */
export function NumberStats({ account }: { account: Account }) {
  return (
    <div className="ui-grid">
      <Stat
        label="Quality rating"
        value={<QualityBadge rating={account.qualityRating} testId="number-quality" />}
        hint={`Meta rating ${account.qualityRating ?? 'NA'}`}
      />
      <Stat
        label="Messaging limit"
        value={tierLabel(account.messagingLimitTier) ?? '—'}
        hint={`${messagingLimitText(account.messagingLimitTier, account.messagingLimit)} · whole portfolio`}
        testId="number-limit"
      />
      <Stat
        label="Throughput"
        value={`${account.throughputMps} msg/s`}
        hint={`${account.throughputLevel ? `${account.throughputLevel.charAt(0)}${account.throughputLevel.slice(1).toLowerCase()} level` : 'Meta’s default'} · this number`}
      />
      <Stat
        label="Connection"
        value={<ConnectionBadge status={account.status} testId="number-status" />}
        hint={
          account.lastValidatedAt ? `Checked ${formatRelativeTime(account.lastValidatedAt)}` : 'Never checked'
        }
      />
    </div>
  );
}

export function NumberDetails({ account }: { account: Account }) {
  return (
    <Card title="Details" description="Ids to quote to Meta support, and what dbulk holds for this number.">
      <DescriptionList
        items={[
          { label: 'Verified name', value: account.verifiedName ?? '—' },
          { label: 'Phone number ID', value: <span className="ui-mono">{account.phoneNumberId}</span> },
          { label: 'WABA ID', value: <span className="ui-mono">{account.wabaId}</span> },
          {
            label: 'Webhooks',
            value: account.webhookSubscribed ? 'Subscribed' : 'Not subscribed — statuses will not arrive',
          },
          {
            label: 'Token expires',
            value: account.tokenExpiresAt ? formatDateTime(account.tokenExpiresAt) : 'Never',
          },
          { label: 'Permissions', value: account.scopes.length ? account.scopes.join(', ') : '—' },
          { label: 'Connected', value: formatDateTime(account.createdAt) },
          { label: 'Last validated', value: formatDateTime(account.lastValidatedAt) || 'Never' },
        ]}
      />
    </Card>
  );
}
