import { useState } from 'react';
import { Button, Card, EmptyState, Table, type Column } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { formatMoney, formatPercent } from '../utils/money';
import { CreditDialog, type CreditAction } from './credit-dialogs';
import { StartOverCreditDialog } from './start-over-credit-dialog';

type Report = RouterOutputs['billing']['margins'];
type TenantMargin = Report['tenants'][number];

/** Per tenant: billed, Meta's cost, margin; balance and credit limit with their actions. */
export function MarginsTable({ report }: { report: Report }) {
  const [action, setAction] = useState<CreditAction | null>(null);
  const [overCredit, setOverCredit] = useState<TenantMargin | null>(null);
  const columns: Column<TenantMargin>[] = [
    { key: 'tenant', header: 'Tenant', render: (t) => t.tenantName },
    {
      key: 'billed',
      header: 'Billed',
      align: 'right',
      render: (t) => (
        <span className="ui-mono" data-testid={`billed-${t.tenantId}`}>
          {formatMoney(t.billed)}
        </span>
      ),
    },
    {
      key: 'meta',
      header: 'Meta cost',
      align: 'right',
      render: (t) => <span className="ui-mono">{formatMoney(t.metaCost)}</span>,
    },
    {
      key: 'margin',
      header: 'Margin',
      align: 'right',
      render: (t) => (
        <span
          className="ui-mono"
          data-testid={`margin-${t.tenantId}`}
        >{`${formatMoney(t.margin)} (${formatPercent(t.marginRate)})`}</span>
      ),
    },
    {
      key: 'balance',
      header: 'Balance',
      align: 'right',
      render: (t) => (
        <span className="ui-mono" data-testid={`balance-${t.tenantId}`}>
          {formatMoney(t.balance)}
        </span>
      ),
    },
    {
      key: 'limit',
      header: 'Credit limit',
      align: 'right',
      render: (t) => (
        <span className="ui-mono" data-testid={`limit-${t.tenantId}`}>
          {t.creditLimit === null ? 'No limit' : formatMoney(t.creditLimit)}
        </span>
      ),
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      render: (t) => (
        <span className="ui-row" style={{ gap: 6, justifyContent: 'flex-end' }}>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setAction({ kind: 'limit', tenant: t })}
            data-testid={`set-limit-${t.tenantId}`}
          >
            Credit limit
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setAction({ kind: 'adjust', tenant: t })}
            data-testid={`adjust-${t.tenantId}`}
          >
            Adjust
          </Button>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setOverCredit(t)}
            data-testid={`over-credit-${t.tenantId}`}
          >
            Start over credit
          </Button>
        </span>
      ),
    },
  ];
  return (
    <Card
      title="Tenants"
      description={`Totals: billed ${formatMoney(report.totals.billed)} · Meta ${formatMoney(report.totals.metaCost)} · margin ${formatMoney(report.totals.margin)}`}
      flush
    >
      <Table
        columns={columns}
        rows={report.tenants}
        rowKey={(t) => t.tenantId}
        rowTestId={(t) => `margin-row-${t.tenantId}`}
        testId="margins-table"
        empty={
          <EmptyState
            icon="building"
            title="No tenants"
            description="Tenants appear here when they sign up."
          />
        }
      />
      <CreditDialog action={action} onClose={() => setAction(null)} />
      <StartOverCreditDialog tenant={overCredit} onClose={() => setOverCredit(null)} />
    </Card>
  );
}
