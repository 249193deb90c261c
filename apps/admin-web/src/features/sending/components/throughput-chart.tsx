import { Badge, Card } from '@dbulk/ui';
import { usePlatformThroughput } from '../hooks/use-platform-throughput';
import { niceMax, type Point } from '../utils/throughput-series';

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { left: 44, right: 12, top: 12, bottom: 24 };

/** An SVG line of messages per second over the last minute; no chart library needed for one line. */
export function ThroughputLine({ series }: { series: readonly Point[] }) {
  const max = niceMax(series.map((p) => p.perSecond));
  const w = WIDTH - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (series.length > 1 ? (i / (series.length - 1)) * w : 0);
  const y = (v: number) => PAD.top + h - (v / max) * h;
  const line = series.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.perSecond).toFixed(1)}`).join(' ');
  const area = series.length ? `${line} L${x(series.length - 1).toFixed(1)},${y(0)} L${x(0).toFixed(1)},${y(0)} Z` : '';
  const ticks = [0, max / 2, max];
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="Messages per second over the last minute" data-testid="throughput-chart">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={0.12} />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="currentColor" fillOpacity={0.6}>
            {t}
          </text>
        </g>
      ))}
      <text x={PAD.left} y={HEIGHT - 6} fontSize={11} fill="currentColor" fillOpacity={0.6}>
        60 s ago
      </text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" fontSize={11} fill="currentColor" fillOpacity={0.6}>
        now
      </text>
      <path d={area} fill="var(--ui-accent, #2563eb)" fillOpacity={0.12} />
      <path d={line} fill="none" stroke="var(--ui-accent, #2563eb)" strokeWidth={2} strokeLinejoin="round" />
    </svg>
  );
}

export function ThroughputChart() {
  const { series, numbers, status } = usePlatformThroughput();
  const current = series.at(-1)?.perSecond ?? 0;
  const peak = Math.max(0, ...series.map((p) => p.perSecond));
  return (
    <Card
      title="Platform throughput"
      actions={<Badge tone={status === 'pending' ? 'success' : 'neutral'}>{status === 'pending' ? 'live' : status}</Badge>}
    >
      <p className="ui-muted" data-testid="throughput-summary">
        {current.toLocaleString()} msg/s now · peak {peak.toLocaleString()} msg/s in the last minute · {numbers} number{numbers === 1 ? '' : 's'} sending
      </p>
      <ThroughputLine series={series} />
    </Card>
  );
}
