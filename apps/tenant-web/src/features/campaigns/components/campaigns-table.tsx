import { Link } from '@tanstack/react-router';
import { formatDateTime, formatRelativeTime, Table, type Column } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { finished, percent } from '../utils/counters';
import { CampaignStatusBadge } from './campaign-status-badge';
import { ProgressBar } from './progress-bar';

type Row = RouterOutputs['campaigns']['list']['items'][number];

const COLUMNS: Column<Row>[] = [
  {
    key: 'name',
    header: 'Campaign',
    render: (c) => (
      <div>
        <Link to="/campaigns/$campaignId" params={{ campaignId: c.id }} data-testid="campaign-link">
          <strong>{c.name}</strong>
        </Link>
        {c.statusReason && <div className="ui-muted ui-small">{c.statusReason}</div>}
      </div>
    ),
  },
  { key: 'status', header: 'Status', render: (c) => <CampaignStatusBadge status={c.status} /> },
  {
    key: 'progress',
    header: 'Progress',
    width: '32%',
    render: (c) =>
      c.counters.total === 0 ? (
        <span className="ui-muted ui-small">Not started</span>
      ) : (
        <div className="ui-stack" style={{ gap: 4 }}>
          <ProgressBar counters={c.counters} legend={false} height={8} />
          <span className="ui-small ui-muted">
            {percent(finished(c.counters), c.counters.total)}% done · {c.counters.delivered + c.counters.read}{' '}
            delivered · {c.counters.read} read · {c.counters.failed} failed
          </span>
        </div>
      ),
  },
  {
    key: 'recipients',
    header: 'Recipients',
    align: 'right',
    render: (c) => c.counters.total.toLocaleString(),
  },
  {
    key: 'when',
    header: 'When',
    render: (c) => {
      const when = c.startedAt ?? c.scheduledAt ?? c.createdAt;
      const label = c.startedAt ? 'Started' : c.scheduledAt ? 'Scheduled' : 'Created';
      return (
        <span className="ui-small" title={formatDateTime(when)}>
          {label} {formatRelativeTime(when)}
        </span>
      );
    },
  },
];

export function CampaignsTable({ rows, empty }: { rows: readonly Row[]; empty: React.ReactNode }) {
  return (
    <Table
      columns={COLUMNS}
      rows={rows}
      rowKey={(c) => c.id}
      empty={empty}
      caption="Campaigns"
      testId="campaigns-table"
      rowTestId={(c) => `campaign-row-${c.name}`}
    />
  );
}
