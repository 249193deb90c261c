import { useSuspenseQuery } from '@tanstack/react-query';
import { Stat } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { formatMoney } from '../utils/money';

/**
 * Balance, credit limit, what running campaigns hold, and what is left to start new ones.
 * Without a credit limit campaigns are not checked against credit: no limit, nothing "available".
 */
export function BalanceTiles() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.billing.balance.queryOptions());
  const limited = data.creditLimit !== null;
  return (
    <div className="ui-grid" data-testid="billing-balance">
      <Stat
        label="Balance"
        value={formatMoney(Number(data.balance))}
        hint="Credits minus charges so far"
        testId="billing-balance-value"
      />
      <Stat
        label="Credit limit"
        value={limited ? formatMoney(Number(data.creditLimit)) : 'No limit'}
        hint={limited ? 'How far below zero you may spend' : 'Campaigns are not checked against credit'}
        testId="billing-credit-limit"
      />
      <Stat
        label="Held for running campaigns"
        value={formatMoney(Number(data.held))}
        hint="Quotes of campaigns still sending, less what they spent"
        testId="billing-held"
      />
      <Stat
        label="Available credit"
        value={data.available === null ? '—' : formatMoney(Number(data.available))}
        hint="Limit + balance − held: what new campaigns may quote"
        testId="billing-available"
      />
    </div>
  );
}
