import { Card } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatMoney } from '../utils/money';

type TenantMargin = RouterOutputs['billing']['margins']['tenants'][number];

const WIDTH = 720;
const ROW = 28;
const LABEL = 160;
const VALUE = 150;
const SHOWN = 10;

/**
 * Billed per tenant as a bar, Meta's cost drawn over it from the left: what remains visible
 * is the margin. The ten tenants billed most; plain SVG.
 */
export function MarginChart({ tenants }: { tenants: readonly TenantMargin[] }) {
  const rows = tenants.filter((t) => t.billed !== 0 || t.metaCost !== 0).slice(0, SHOWN);
  const max = Math.max(0, ...rows.map((t) => Math.max(t.billed, t.metaCost)));
  const scale = (v: number) => (max === 0 ? 0 : (Math.max(0, v) / max) * (WIDTH - LABEL - VALUE - 8));
  const height = Math.max(1, rows.length) * ROW;
  return (
    <Card
      title="Revenue and margin"
      description="Billed per tenant (light) with Meta’s cost over it (dark); the light part is the margin."
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label="Billed and Meta cost per tenant"
        data-testid="margin-chart"
      >
        {rows.length === 0 && (
          <text x={WIDTH / 2} y={ROW / 2 + 4} textAnchor="middle" fontSize="12" fill="var(--ui-text-muted)">
            Nothing billed in this period
          </text>
        )}
        {rows.map((t, i) => (
          <g key={t.tenantId} transform={`translate(0 ${i * ROW})`} data-testid="margin-chart-row">
            <text x={0} y={ROW / 2 + 4} fontSize="11" fill="var(--ui-text)">
              {t.tenantName.length > 24 ? `${t.tenantName.slice(0, 23)}…` : t.tenantName}
            </text>
            <rect
              x={LABEL}
              y={5}
              height={ROW - 10}
              width={Math.max(1, scale(t.billed))}
              rx={2}
              fill="var(--ui-accent)"
              fillOpacity={0.35}
            />
            <rect
              x={LABEL}
              y={5}
              height={ROW - 10}
              width={scale(t.metaCost)}
              rx={2}
              fill="var(--ui-accent)"
            />
            <text x={WIDTH} y={ROW / 2 + 4} textAnchor="end" fontSize="11" fill="var(--ui-text-subtle)">
              {`${formatMoney(t.billed)} · margin ${formatMoney(t.margin)}`}
            </text>
            <title>{`${t.tenantName}: billed ${formatMoney(t.billed)}, Meta ${formatMoney(t.metaCost)}, margin ${formatMoney(t.margin)}`}</title>
          </g>
        ))}
      </svg>
    </Card>
  );
}
