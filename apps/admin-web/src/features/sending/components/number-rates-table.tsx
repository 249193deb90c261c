import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, Button, Card, EmptyState, formatRelativeTime, Table, type Column } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { numberRatesOptions } from '../api/rates-queries';
import { CeilingDialog } from './ceiling-dialog';

type NumberRate = RouterOutputs['sending']['rates'][number];

/** Every connected number: Meta's throughput, the limiter's current rate, the admin's ceiling. */
export function NumberRatesTable() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(numberRatesOptions(trpc));
  const [editing, setEditing] = useState<NumberRate | null>(null);
  const columns: Column<NumberRate>[] = [
    { key: 'number', header: 'Number', render: (r) => <span title={r.phoneNumberId}>{r.displayPhoneNumber ?? r.phoneNumberId}</span> },
    { key: 'tenant', header: 'Tenant', render: (r) => r.tenantName },
    { key: 'meta', header: 'Meta limit', align: 'right', render: (r) => `${r.throughputMps} msg/s` },
    {
      key: 'rate',
      header: 'Current rate',
      align: 'right',
      render: (r) => (
        <span data-testid={`rate-${r.phoneNumberId}`}>
          {r.rate.toFixed(1)} msg/s
          {r.lastThrottledAt && <span className="ui-muted"> · throttled {formatRelativeTime(r.lastThrottledAt)}</span>}
        </span>
      ),
    },
    {
      key: 'ceiling',
      header: 'Ceiling',
      align: 'right',
      render: (r) => (r.ceiling === null ? <Badge>none</Badge> : <Badge tone="warning">{`${r.ceiling} msg/s`}</Badge>),
    },
    { key: 'sent', header: 'Sent, last minute', align: 'right', render: (r) => r.sentLastMinute.toLocaleString() },
    {
      key: 'edit',
      header: '',
      align: 'right',
      render: (r) => (
        <Button size="sm" variant="secondary" onClick={() => setEditing(r)} data-testid={`edit-ceiling-${r.phoneNumberId}`}>
          Set ceiling
        </Button>
      ),
    },
  ];
  return (
    <Card title="Numbers" description="The limiter halves on Meta's throttling answers and grows back slowly; a ceiling caps it." flush>
      <Table
        columns={columns}
        rows={data}
        rowKey={(r) => r.phoneNumberId}
        testId="number-rates"
        rowTestId={(r) => `number-rate-${r.phoneNumberId}`}
        empty={<EmptyState title="No connected numbers" description="Numbers appear here once a tenant connects one." />}
      />
      <CeilingDialog row={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
