import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Badge, Button, Card, EmptyState, formatDateTime, StatusBadge, Table } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { tenantsListOptions } from '../api/tenants-queries';

export function TenantsTable({ search }: { search: string | undefined }) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(tenantsListOptions(trpc, search));
  const tenants = data.pages.flatMap((page) => page.items);

  return (
    <Card flush title="Tenants" description={search ? `Matching “${search}”` : 'Every tenant on the platform, newest first.'}>
      <Table
        testId="tenants-table"
        caption="Tenants"
        rows={tenants}
        rowKey={(t) => t.id}
        rowTestId={(t) => `tenant-row-${t.name}`}
        empty={
          <EmptyState
            icon="building"
            title={search ? 'No tenant matches' : 'No tenants yet'}
            description={search ? 'Try part of the name.' : 'Tenants appear here when someone signs up.'}
          />
        }
        columns={[
          {
            key: 'name',
            header: 'Tenant',
            render: (t) => (
              <Link to="/tenants/$tenantId" params={{ tenantId: t.id }} style={{ fontWeight: 600 }}>
                {t.name}
              </Link>
            ),
          },
          { key: 'status', header: 'Status', render: (t) => <StatusBadge status={t.status} /> },
          {
            key: 'sending',
            header: 'Sending',
            render: (t) => (t.sendingEnabled ? <Badge tone="success">Allowed</Badge> : <Badge tone="warning">Stopped</Badge>),
          },
          { key: 'members', header: 'Members', align: 'right', render: (t) => t.memberCount },
          { key: 'created', header: 'Created', render: (t) => <span className="ui-muted">{formatDateTime(t.createdAt)}</span> },
        ]}
      />
      {hasNextPage && (
        <div style={{ padding: 16, textAlign: 'center', borderTop: '1px solid var(--ui-border)' }}>
          <Button loading={isFetchingNextPage} onClick={() => void fetchNextPage()} data-testid="tenants-more">
            Load more
          </Button>
        </div>
      )}
    </Card>
  );
}
