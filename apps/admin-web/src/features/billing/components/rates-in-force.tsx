import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Card, EmptyState, ErrorBanner, LoadingState, Stat, Table, TextField, type Column } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { formatMoney } from '../utils/money';
import { codesLabel, tiersLabel } from '../utils/rates';

type Rate = RouterOutputs['billing']['rateCard']['rates'][number];

const COLUMNS: Column<Rate>[] = [
  { key: 'market', header: 'Market', render: (r) => r.market },
  {
    key: 'codes',
    header: 'Calling codes',
    render: (r) => <span className="ui-mono ui-small">{codesLabel(r.countryCodes)}</span>,
  },
  { key: 'category', header: 'Category', render: (r) => r.category },
  { key: 'model', header: 'Model', render: (r) => r.pricingModel },
  {
    key: 'rate',
    header: 'Rate',
    align: 'right',
    render: (r) => <span className="ui-mono">{formatMoney(Number(r.rate))}</span>,
  },
  {
    key: 'tiers',
    header: 'Volume tiers',
    render: (r) => <span className="ui-small ui-muted">{tiersLabel(r.tiers)}</span>,
  },
  { key: 'since', header: 'Since', render: (r) => <span className="ui-small">{r.effectiveFrom}</span> },
];

/** The card in force on a chosen day: every market × category rate Meta charges then. */
export function RatesInForce({ date, onDate }: { date: string; onDate: (date: string) => void }) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState('');
  const card = useQuery(trpc.billing.rateCard.queryOptions({ date }));
  const needle = filter.trim().toLowerCase();
  const rates = (card.data?.rates ?? []).filter(
    (r) =>
      !needle || r.market.toLowerCase().includes(needle) || r.countryCodes.some((c) => c.startsWith(needle)),
  );
  const markets = new Set(card.data?.rates.map((r) => r.market)).size;
  const since = card.data?.rates.reduce<string | null>(
    (latest, r) => (latest === null || r.effectiveFrom > latest ? r.effectiveFrom : latest),
    null,
  );
  return (
    <Card
      title="Rates in force"
      description="Meta’s price per market and category on the chosen day (before each tenant’s markup)."
      flush
      actions={
        <div className="ui-row" style={{ gap: 8, alignItems: 'flex-end' }}>
          <TextField
            label="On"
            type="date"
            value={date}
            onChange={(e) => e.target.value && onDate(e.target.value)}
            data-testid="rate-card-date"
          />
          <TextField
            label="Market or code"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="India, 91…"
            data-testid="rate-card-filter"
          />
        </div>
      }
    >
      {card.error && <ErrorBanner error={card.error} onRetry={() => void card.refetch()} />}
      {card.isPending ? (
        <LoadingState />
      ) : (
        <>
          <div className="ui-grid" style={{ padding: 16 }}>
            <Stat label="Markets priced" value={markets} testId="rate-card-markets" />
            <Stat label="Rates" value={card.data?.rates.length ?? 0} />
            <Stat label="Latest change on or before" value={since ?? '—'} testId="rate-card-since" />
          </div>
          {/* Hundreds of rates: the table scrolls inside the card, under its own header. */}
          <div style={{ maxHeight: 520, overflow: 'auto' }}>
            <Table
              columns={COLUMNS}
              rows={rates}
              rowKey={(r) => `${r.market}|${r.category}|${r.pricingModel}`}
              testId="rate-card-table"
              empty={
                <EmptyState
                  icon="tag"
                  title="No rates"
                  description={
                    needle ? 'No market matches the filter.' : 'No rate card was in force on this day.'
                  }
                />
              }
            />
          </div>
        </>
      )}
    </Card>
  );
}
