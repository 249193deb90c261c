import { Notice } from '@dbulk/ui';
import type { RouterOutputs } from '../../../../lib/trpc';

type Limit = RouterOutputs['campaigns']['preflight']['messagingLimit'];

const fmt = (n: number | null | undefined) =>
  n == null || n < 0 || !Number.isFinite(n) ? 'unlimited' : n.toLocaleString();

/**
 * Meta's messaging limit (unique recipients per rolling 24 h, shared by the portfolio's numbers):
 * whether the campaign fits today, and if not how the planner spreads it over days.
 */
export function MessagingLimitFit({ limit }: { limit: Limit }) {
  const tier = limit.tier ?? 'unknown tier (counted as 250)';
  const facts = `Limit ${fmt(limit.limit)} per 24 h (${tier}); ${limit.usedLast24h.toLocaleString()} used in the last 24 h, ${fmt(limit.available)} available.${limit.note ? ` ${limit.note}` : ''}`;
  if (limit.fits) {
    return (
      <div data-testid="preflight-limit" data-fits="true">
        <Notice tone="success">Fits your messaging limit. {facts}</Notice>
      </div>
    );
  }
  return (
    <div data-testid="preflight-limit" data-fits="false">
      <Notice tone="warning">
        <div className="ui-stack" style={{ gap: 4 }}>
          <span>
            More recipients than your messaging limit allows today. {facts} Meta returns no error past the
            limit, so dbulk sends what fits now and the rest as the rolling window frees up; the campaign
            shows “waiting for messaging-limit budget” meanwhile.
          </span>
          <ol style={{ margin: 0, paddingLeft: 20 }} data-testid="preflight-days">
            {limit.days.map((d, i) => (
              <li key={d.day}>
                {i === 0 ? 'Today' : `Day ${i + 1}`} ({d.day}): {d.count.toLocaleString()} messages
              </li>
            ))}
          </ol>
        </div>
      </Notice>
    </div>
  );
}
