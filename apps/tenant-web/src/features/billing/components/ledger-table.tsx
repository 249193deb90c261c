import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorBanner,
  formatDateTime,
  Icon,
  Table,
  type Column,
} from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { ledgerCsvUrl, ledgerInput, type BillingSearch } from '../api/billing-queries';
import { formatMoney } from '../utils/money';
import { categoryLabel } from '../utils/spend-chart';
import { LedgerFilters } from './ledger-filters';

type Entry = RouterOutputs['billing']['ledger']['items'][number];

const COLUMNS: Column<Entry>[] = [
  {
    key: 'when',
    header: 'When',
    render: (e) => <span className="ui-small">{formatDateTime(e.occurredAt)}</span>,
  },
  {
    key: 'kind',
    header: 'Kind',
    render: (e) => <Badge tone={e.kind === 'charge' ? 'neutral' : 'info'}>{e.kind}</Badge>,
  },
  {
    key: 'what',
    header: 'What',
    render: (e) => (
      <span className="ui-small">
        {[e.category && categoryLabel(e.category), e.market, e.pricingModel, e.campaignName, e.reason]
          .filter(Boolean)
          .join(' · ') || '—'}
      </span>
    ),
  },
  {
    key: 'amount',
    header: 'Amount',
    align: 'right',
    render: (e) => <span className="ui-mono">{formatMoney(e.amount)}</span>,
  },
  {
    key: 'balance',
    header: 'Balance after',
    align: 'right',
    render: (e) => (
      <span className="ui-mono ui-muted">{e.balanceAfter === null ? '—' : formatMoney(e.balanceAfter)}</span>
    ),
  },
];

/** The ledger for the period, newest first, filtered, paged by cursor, exportable as CSV. */
export function LedgerTable({
  search,
  onSearch,
  campaigns,
}: {
  search: BillingSearch;
  onSearch: (patch: Partial<BillingSearch>) => void;
  campaigns: readonly { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const filterKey = JSON.stringify(search);
  // Cursors of the pages before this one; a filter change starts again from the first page.
  const [trail, setTrail] = useState<{ key: string; cursors: (string | null)[] }>({
    key: '',
    cursors: [null],
  });
  const cursors = trail.key === filterKey ? trail.cursors : [null];
  const query = useQuery({
    ...trpc.billing.ledger.queryOptions(ledgerInput(search, cursors.at(-1) ?? null)),
    placeholderData: keepPreviousData,
  });
  const page = query.data;
  return (
    <Card
      title="Ledger"
      description="Every charge and adjustment in the period, with the balance after each."
      flush
      actions={
        <a
          href={ledgerCsvUrl(search)}
          download
          className="ui-button ui-button--secondary ui-button--md"
          data-testid="ledger-export"
        >
          <Icon name="download" />
          <span>Export CSV</span>
        </a>
      }
      footer={
        <div className="ui-row" style={{ justifyContent: 'space-between', width: '100%' }}>
          <span className="ui-small ui-muted">Newest first</span>
          <div className="ui-row" style={{ gap: 8 }}>
            <Button
              size="sm"
              variant="ghost"
              disabled={cursors.length <= 1}
              onClick={() => setTrail({ key: filterKey, cursors: cursors.slice(0, -1) })}
              data-testid="ledger-prev"
            >
              Newer
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={!page?.nextCursor}
              onClick={() => setTrail({ key: filterKey, cursors: [...cursors, page!.nextCursor] })}
              data-testid="ledger-next"
            >
              Older
            </Button>
          </div>
        </div>
      }
    >
      <div style={{ padding: '12px 16px' }}>
        <LedgerFilters search={search} onSearch={onSearch} campaigns={campaigns} />
      </div>
      {query.error && <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />}
      <Table
        columns={COLUMNS}
        rows={page?.items ?? []}
        rowKey={(e) => e.id}
        rowTestId={(e) => `ledger-row-${e.id}`}
        testId="ledger-table"
        empty={
          <EmptyState
            icon="card"
            title="No entries"
            description="Nothing in the ledger matches this period and these filters."
            testId="ledger-empty"
          />
        }
      />
    </Card>
  );
}
