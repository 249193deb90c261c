import type { ReactNode } from 'react';
import { Card } from '@dbulk/ui';
import { formatMoney } from '../utils/money';

const WIDTH = 360;
const ROW = 26;
const LABEL = 130;
const VALUE = 80;

export interface SpendBar {
  key: string;
  label: ReactNode;
  amount: number;
  count: number;
}

/** Horizontal bars, largest first (spend by country, top campaigns); plain SVG. */
export function SpendBars({
  title,
  description,
  bars,
  testId,
  empty,
}: {
  title: string;
  description: string;
  bars: readonly SpendBar[];
  testId: string;
  empty: string;
}) {
  const max = Math.max(0, ...bars.map((b) => b.amount));
  const height = Math.max(1, bars.length) * ROW;
  const width = (amount: number) => (max === 0 ? 0 : (amount / max) * (WIDTH - LABEL - VALUE - 8));
  return (
    <Card title={title} description={description}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} data-testid={testId}>
        {bars.length === 0 && (
          <text x={WIDTH / 2} y={ROW / 2 + 4} textAnchor="middle" fontSize="12" fill="var(--ui-text-muted)">
            {empty}
          </text>
        )}
        {bars.map((b, i) => (
          <g key={b.key} transform={`translate(0 ${i * ROW})`} data-testid={`${testId}-row`}>
            <text x={0} y={ROW / 2 + 4} fontSize="11" fill="var(--ui-text)">
              {typeof b.label === 'string' && b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
            </text>
            <rect
              x={LABEL}
              y={5}
              height={ROW - 10}
              width={Math.max(1, width(b.amount))}
              rx={2}
              fill="var(--ui-accent)"
            />
            <text x={WIDTH} y={ROW / 2 + 4} textAnchor="end" fontSize="11" fill="var(--ui-text-subtle)">
              {formatMoney(b.amount)}
            </text>
            <title>{`${typeof b.label === 'string' ? b.label : b.key}: ${formatMoney(b.amount)} for ${b.count.toLocaleString()} charge${b.count === 1 ? '' : 's'}`}</title>
          </g>
        ))}
      </svg>
    </Card>
  );
}
