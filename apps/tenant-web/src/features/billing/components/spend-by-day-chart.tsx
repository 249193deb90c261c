import { Card, ChartGrid } from '@dbulk/ui';
import { formatAxisMoney, formatMoney } from '../utils/money';
import { categoriesIn, categoryColor, categoryLabel, niceMax, stackByDay } from '../utils/spend-chart';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 48, right: 8, top: 10, bottom: 24 };

interface Props {
  byDay: readonly { day: string; category: string; amount: number }[];
  from: string;
  to: string;
  total: number;
}

/** Spend per day, one stacked column per day, a colour per category (plain SVG). */
export function SpendByDayChart({ byDay, from, to, total }: Props) {
  const stacks = stackByDay(byDay, from, to);
  const top = niceMax(Math.max(0, ...stacks.map((s) => s.total)));
  const w = WIDTH - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const slot = w / Math.max(1, stacks.length);
  const bar = Math.max(1, slot * 0.7);
  const y = (amount: number) => PAD.top + h - (amount / top) * h;
  const categories = categoriesIn(byDay);
  return (
    <Card title="Spend over time" description={`By category, per day · ${formatMoney(total)} in the period`}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`Spend per day by category, ${formatMoney(total)} in total`}
        data-testid="spend-by-day-chart"
      >
        <ChartGrid top={top} y={y} left={PAD.left} right={WIDTH - PAD.right} format={formatAxisMoney} />
        {stacks.map((stack, i) =>
          stack.segments.map((s) => (
            <rect
              key={`${stack.day}-${s.category}`}
              x={PAD.left + i * slot + (slot - bar) / 2}
              y={y(s.from + s.amount)}
              width={bar}
              height={Math.max(0.5, y(s.from) - y(s.from + s.amount))}
              fill={categoryColor(s.category)}
              data-testid="spend-bar"
            >
              <title>{`${stack.day} · ${categoryLabel(s.category)}: ${formatMoney(s.amount)}`}</title>
            </rect>
          )),
        )}
        <text x={PAD.left} y={HEIGHT - 6} fontSize="10" fill="var(--ui-text-subtle)">
          {from}
        </text>
        <text
          x={WIDTH - PAD.right}
          y={HEIGHT - 6}
          textAnchor="end"
          fontSize="10"
          fill="var(--ui-text-subtle)"
        >
          {to}
        </text>
        {total === 0 && (
          <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" fontSize="12" fill="var(--ui-text-muted)">
            No spend in this period
          </text>
        )}
      </svg>
      {categories.length > 0 && (
        <div className="ui-row ui-small" style={{ gap: 16, flexWrap: 'wrap' }} data-testid="spend-legend">
          {categories.map((c) => (
            <span key={c} className="ui-row" style={{ gap: 6 }}>
              <span
                aria-hidden
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: categoryColor(c),
                  display: 'inline-block',
                }}
              />
              {categoryLabel(c)}
            </span>
          ))}
        </div>
      )}
    </Card>
  );
}
