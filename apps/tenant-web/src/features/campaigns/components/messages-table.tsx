import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Card, EmptyState, ErrorBanner, formatDateTime, Table, type Column } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { messagesInput, type CampaignSearch } from '../api/campaign-queries';
import { skipReasonLabel, type MessageRow } from '../utils/campaign-status';
import { MessageStatusBadge } from './campaign-status-badge';
import { MessageFilters } from './message-filters';

const COLUMNS: Column<MessageRow>[] = [
  { key: 'phone', header: 'Phone', render: (m) => <span className="ui-mono">{m.phone}</span> },
  {
    key: 'status',
    header: 'Status',
    render: (m) => (
      <span className="ui-row" style={{ gap: 6 }}>
        <MessageStatusBadge status={m.status} />
        {m.needsReview && <Badge tone="danger">Needs review</Badge>}
      </span>
    ),
  },
  {
    key: 'detail',
    header: 'Detail',
    render: (m) =>
      m.errorCode != null ? (
        <span className="ui-small">
          <span className="ui-mono">{m.errorCode}</span> {m.errorTitle}
        </span>
      ) : m.reason ? (
        <span className="ui-small ui-muted">{skipReasonLabel(m.reason)}</span>
      ) : null,
  },
  { key: 'attempts', header: 'Attempts', align: 'right', render: (m) => m.attempts },
  {
    key: 'last',
    header: 'Last update',
    render: (m) => (
      <span className="ui-small">{formatDateTime(m.readAt ?? m.deliveredAt ?? m.sentAt ?? m.failedAt)}</span>
    ),
  },
];

const REFRESH_MS = 2_000;

/** One row per recipient, filtered by status, Meta error code and needs-review; paged by cursor. */
export function MessagesTable({
  campaignId,
  search,
  onSearch,
  version,
}: {
  campaignId: string;
  /** Changes whenever the live counters do: the page is re-read, at most every two seconds. */
  version: string;
  search: CampaignSearch;
  onSearch: (patch: Partial<CampaignSearch>) => void;
}) {
  const trpc = useTRPC();
  // Cursors of the pages before this one; a filter change starts again from the first page.
  const [trail, setTrail] = useState<{ key: string; cursors: (string | null)[] }>({
    key: '',
    cursors: [null],
  });
  const filterKey = JSON.stringify(search);
  const cursors = trail.key === filterKey ? trail.cursors : [null];
  const cursor = cursors.at(-1) ?? null;
  const query = useQuery({
    ...trpc.campaigns.messages.queryOptions(messagesInput(campaignId, search, cursor)),
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void refetch();
    }, REFRESH_MS);
  }, [version, refetch]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  const items = query.data?.items ?? [];
  const nextCursor = query.data?.nextCursor ?? null;

  return (
    <Card
      flush
      title="Messages"
      description="Every recipient and where their message is."
      actions={<MessageFilters search={search} onSearch={onSearch} />}
      footer={
        (cursors.length > 1 || nextCursor) && (
          <div className="ui-row" style={{ justifyContent: 'space-between', width: '100%' }}>
            <span className="ui-small ui-muted">Page {cursors.length}</span>
            <div className="ui-row">
              <Button
                size="sm"
                disabled={cursors.length <= 1}
                onClick={() => setTrail({ key: filterKey, cursors: cursors.slice(0, -1) })}
              >
                Previous
              </Button>
              <Button
                size="sm"
                disabled={!nextCursor}
                onClick={() => setTrail({ key: filterKey, cursors: [...cursors, nextCursor] })}
                data-testid="messages-next"
              >
                Next
              </Button>
            </div>
          </div>
        )
      }
    >
      {query.error && <ErrorBanner error={query.error} />}
      <Table
        columns={COLUMNS}
        rows={items}
        rowKey={(m) => m.id}
        caption="Campaign messages"
        testId="messages-table"
        rowTestId={(m) => `message-row-${m.phone}`}
        empty={
          query.isPending ? undefined : (
            <EmptyState
              icon="list"
              title="No messages match"
              description="Change the filters, or wait for the campaign to start."
              testId="messages-empty"
            />
          )
        }
      />
    </Card>
  );
}
