import { useQuery } from '@tanstack/react-query';
import { Card, EmptyState, formatDateTime, StatusBadge, Table } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import type { ContactImport } from '../utils/upload-contacts';

const STATUS = { RUNNING: 'pending', COMPLETED: 'active', FAILED: 'suspended' } as const;

/** The workspace's latest imports (from any member or browser), refreshed while one runs. */
export function RecentImports() {
  const trpc = useTRPC();
  const { data = [] } = useQuery(
    trpc.imports.list.queryOptions(
      { limit: 10 },
      { refetchInterval: (query) => (query.state.data?.some((i) => i.status === 'RUNNING') ? 2_000 : false) },
    ),
  );
  return (
    <Card title="Recent imports" flush>
      <Table<ContactImport>
        testId="recent-imports"
        caption="Recent imports"
        rows={data}
        rowKey={(i) => i.id}
        columns={[
          { key: 'file', header: 'File', render: (i) => i.fileName },
          { key: 'when', header: 'Started', render: (i) => formatDateTime(i.createdAt) },
          {
            key: 'status',
            header: 'Status',
            render: (i) => <StatusBadge status={STATUS[i.status]} label={i.status.toLowerCase()} />,
          },
          { key: 'created', header: 'New', align: 'right', render: (i) => i.created.toLocaleString() },
          { key: 'updated', header: 'Updated', align: 'right', render: (i) => i.updated.toLocaleString() },
          { key: 'rejected', header: 'Rejected', align: 'right', render: (i) => i.rejected.toLocaleString() },
        ]}
        empty={<EmptyState icon="download" title="No imports yet" />}
      />
    </Card>
  );
}
