import { Card, ChartGrid } from '@dbulk/ui';
import { bucketRates, currentRate, niceMax, type Snapshot } from '../utils/send-rate';

const WIDTH = 560;
const HEIGHT = 140;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };
/** 60 steps over the window: 5 s each over five minutes. */
const BUCKETS = 60;

/**
 * Messages per second over the last minutes, from successive progress snapshots (plain SVG).
 * The x axis ends at the newest snapshot; `windowMs` wide.
 */
export function SendRateChart({ snapshots, windowMs }: { snapshots: readonly Snapshot[]; windowMs: number }) {
  const points = snapshots.length > 1 ? bucketRates(snapshots, windowMs, windowMs / BUCKETS) : [];
  const now = snapshots.at(-1)?.at ?? 0;
  const top = niceMax(Math.max(0, ...points.map((p) => p.rate)));
  const x = (at: number) => PAD.left + ((at - (now - windowMs)) / windowMs) * (WIDTH - PAD.left - PAD.right);
  const y = (rate: number) => HEIGHT - PAD.bottom - (rate / top) * (HEIGHT - PAD.top - PAD.bottom);
  // A step line: each bucket's rate held across the bucket.
  const step = windowMs / BUCKETS;
  const line = points
    .map(
      (p) =>
        `${x(p.at - step).toFixed(1)},${y(p.rate).toFixed(1)} ${x(p.at).toFixed(1)},${y(p.rate).toFixed(1)}`,
    )
    .join(' ');
  const rate = currentRate(snapshots);
  const minutes = Math.round(windowMs / 60_000);

  return (
    <Card
      title="Send rate"
      description={`Messages per second over the last ${minutes} minutes, from live progress.`}
      actions={
        <strong data-testid="send-rate" data-rate={rate.toFixed(2)}>
          {rate < 10 ? rate.toFixed(1) : Math.round(rate)} msg/s
        </strong>
      }
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`Send rate, now ${rate.toFixed(1)} messages per second`}
        data-testid="send-rate-chart"
      >
        <ChartGrid top={top} y={y} left={PAD.left} right={WIDTH - PAD.right} />
        <text x={PAD.left} y={HEIGHT - 4} fontSize="10" fill="var(--ui-text-subtle)">
          −{minutes} min
        </text>
        <text
          x={WIDTH - PAD.right}
          y={HEIGHT - 4}
          textAnchor="end"
          fontSize="10"
          fill="var(--ui-text-subtle)"
        >
          now
        </text>
        {points.length > 0 && (
          <polyline
            points={line}
            fill="none"
            stroke="var(--ui-accent)"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        )}
        {points.length === 0 && (
          <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" fontSize="12" fill="var(--ui-text-muted)">
            Waiting for progress…
          </text>
        )}
      </svg>
    </Card>
  );
}
