import { percent, segmentsOf } from '../utils/counters';
import type { Counters } from '../utils/campaign-status';

/** One bar split by current status, furthest first; the legend names each part with its count. */
export function ProgressBar({
  counters,
  legend = true,
  height = 12,
  testId,
}: {
  counters: Counters;
  legend?: boolean;
  height?: number;
  testId?: string;
}) {
  const segments = segmentsOf(counters).filter((s) => s.count > 0);
  const total = Math.max(counters.total, 1);
  return (
    <div data-testid={testId}>
      <div
        role="img"
        aria-label={segments.map((s) => `${s.label} ${s.count}`).join(', ') || 'No messages'}
        style={{
          display: 'flex',
          height,
          borderRadius: height / 2,
          overflow: 'hidden',
          background: 'var(--ui-border)',
        }}
      >
        {segments.map((s) => (
          <div
            key={s.key}
            title={`${s.label}: ${s.count.toLocaleString()} (${percent(s.count, total)}%)`}
            data-segment={s.key}
            style={{ width: `${(s.count / total) * 100}%`, background: s.color, transition: 'width 300ms' }}
          />
        ))}
      </div>
      {legend && (
        <ul
          className="ui-row ui-small ui-muted"
          style={{ flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0, margin: '8px 0 0' }}
        >
          {segments.map((s) => (
            <li key={s.key} className="ui-row" style={{ gap: 4 }}>
              <span
                aria-hidden="true"
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: s.color,
                  display: 'inline-block',
                }}
              />
              {s.label} {s.count.toLocaleString()}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
