import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Stat } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { formatMoney } from '../utils/money';

const today = () => new Date().toISOString().slice(0, 10);

/** The dashboard's billing tiles (owners and admins): this month's spend and the credit left. */
export function BillingSummary() {
  const trpc = useTRPC();
  const to = today();
  const spend = useQuery(trpc.billing.spend.queryOptions({ from: `${to.slice(0, 7)}-01`, to }));
  const balance = useQuery(trpc.billing.balance.queryOptions());
  const available = balance.data
    ? balance.data.available === null
      ? 'No limit'
      : formatMoney(Number(balance.data.available))
    : '…';
  return (
    <div className="ui-grid" data-testid="billing-summary">
      <Stat
        label="Spend this month"
        value={spend.data ? formatMoney(spend.data.total) : '…'}
        hint={<Link to="/billing">By category, country and campaign</Link>}
        testId="stat-spend-month"
      />
      <Stat
        label="Credit available"
        value={available}
        hint={
          balance.data
            ? `Balance ${formatMoney(Number(balance.data.balance))} · held ${formatMoney(Number(balance.data.held))}`
            : undefined
        }
        testId="stat-credit"
      />
    </div>
  );
}
