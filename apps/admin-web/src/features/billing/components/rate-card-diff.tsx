import { Badge, Card, Table, type Column } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatMoney } from '../utils/money';
import { codesLabel } from '../utils/rates';

type Diff = NonNullable<RouterOutputs['billing']['stageRateCard']['diff']>;
type Change = Diff['changed'][number];
type Line = Change & { change: 'added' | 'changed' };

const money = (rate: string | null) => (rate === null ? '—' : formatMoney(Number(rate)));
const codes = (l: Line) =>
  l.codesFrom && l.codesTo && codesLabel(l.codesFrom) !== codesLabel(l.codesTo)
    ? `${codesLabel(l.codesFrom)} → ${codesLabel(l.codesTo)}`
    : codesLabel(l.codesTo ?? l.codesFrom ?? []);

const COLUMNS: Column<Line>[] = [
  {
    key: 'change',
    header: 'Change',
    width: '100px',
    render: (l) => <Badge tone={l.change === 'added' ? 'success' : 'warning'}>{l.change}</Badge>,
  },
  { key: 'market', header: 'Market', render: (l) => l.market },
  {
    key: 'codes',
    header: 'Calling codes',
    render: (l) => <span className="ui-mono ui-small">{codes(l)}</span>,
  },
  { key: 'category', header: 'Category', render: (l) => `${l.category} · ${l.pricingModel}` },
  {
    key: 'from',
    header: 'In force',
    align: 'right',
    render: (l) => <span className="ui-mono">{money(l.from)}</span>,
  },
  { key: 'to', header: 'New', align: 'right', render: (l) => <span className="ui-mono">{money(l.to)}</span> },
];

/**
 * What applying the staged card would change against the card in force on its date. A card may
 * list only what changed: rates it does not list keep theirs ("unlisted").
 */
export function RateCardDiff({ diff }: { diff: Diff }) {
  const lines: Line[] = [
    ...diff.changed.map((c) => ({ ...c, change: 'changed' as const })),
    ...diff.added.map((c) => ({ ...c, change: 'added' as const })),
  ];
  return (
    <Card
      title={`Difference from the card in force on ${diff.effectiveFrom}`}
      description={`${diff.changed.length} changed · ${diff.added.length} added · ${diff.unchanged} unchanged · ${diff.unlisted.length} not listed (they keep their rates)`}
      flush
      data-testid="rate-card-diff"
    >
      <Table
        columns={COLUMNS}
        rows={lines}
        rowKey={(l) => `${l.change}|${l.market}|${l.category}|${l.pricingModel}`}
        testId="rate-card-diff-table"
        rowTestId={(l) => `diff-${l.change}-${l.market.replace(/\W+/g, '-').toLowerCase()}-${l.category}`}
        empty={
          <p className="ui-muted" style={{ padding: 16 }}>
            The uploaded card changes no rate.
          </p>
        }
      />
    </Card>
  );
}
