import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, EmptyState, formatDateTime, formatRelativeTime, Table } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { auditListOptions } from '../api/audit-queries';
import { summarizeChanges } from '../utils/summarize-changes';
import type { AuditFilterValues } from './audit-filters';

export function AuditTable({ filters, onTenantClick }: { filters: AuditFilterValues; onTenantClick: (tenantId: string) => void }) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(auditListOptions(trpc, filters));
  const items = data.pages.flatMap((page) => page.items);

  return (
    <Card flush title="Entries" description="Newest first. Every mutation on the platform is recorded here.">
      <Table
        testId="audit-table"
        caption="Audit log"
        rows={items}
        rowKey={(i) => i.id}
        empty={<EmptyState icon="list" title="No entries" description="Nothing matches these filters yet." />}
        columns={[
          {
            key: 'time',
            header: 'When',
            width: '150px',
            render: (i) => (
              <time dateTime={i.createdAt} title={formatDateTime(i.createdAt)} className="ui-muted ui-nowrap">
                {formatRelativeTime(i.createdAt)}
              </time>
            ),
          },
          {
            key: 'tenant',
            header: 'Tenant',
            render: (i) =>
              i.tenantId ? (
                <button type="button" className="ui-link-button" onClick={() => onTenantClick(i.tenantId as string)}>
                  {i.tenantName ?? i.tenantId.slice(0, 8)}
                </button>
              ) : (
                <span className="ui-muted">Platform</span>
              ),
          },
          { key: 'actor', header: 'Actor', render: (i) => i.actorEmail ?? <span className="ui-muted">system</span> },
          {
            key: 'event',
            header: 'Event',
            render: (i) => {
              const summary = summarizeChanges(i.changes);
              return (
                <div className="ui-stack" style={{ gap: 2 }}>
                  <code className="ui-nowrap">{i.action}</code>
                  <details className="ui-details">
                    <summary className="ui-muted ui-small">{summary || `${i.targetType ?? 'details'}`}</summary>
                    <pre>
                      {JSON.stringify(
                        { target: `${i.targetType ?? ''} ${i.targetId ?? ''}`.trim(), ip: i.ip, at: i.createdAt, changes: i.changes },
                        null,
                        2,
                      )}
                    </pre>
                  </details>
                </div>
              );
            },
          },
        ]}
      />
      {hasNextPage && (
        <div style={{ padding: 16, textAlign: 'center', borderTop: '1px solid var(--ui-border)' }}>
          <Button loading={isFetchingNextPage} onClick={() => void fetchNextPage()} data-testid="audit-more">
            Older entries
          </Button>
        </div>
      )}
    </Card>
  );
}
