import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Card, EmptyState, Table } from '@dbulk/ui';
import type { TemplatesSearch } from '../../../lib/search';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { PAGE_SIZE, templateListInput } from '../api/template-queries';
import { filterCounts, IN_REVIEW } from '../utils/template-status';
import { templateColumns } from './templates-columns';
import { TemplatesPager } from './templates-pager';
import { TemplatesToolbar } from './templates-toolbar';

type Account = RouterOutputs['whatsapp']['list'][number];

export function TemplatesTable({
  search,
  onSearch,
  accounts,
  emptyAction,
}: {
  search: TemplatesSearch;
  onSearch: (patch: Partial<TemplatesSearch>) => void;
  accounts: Account[];
  emptyAction?: ReactNode;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(
    trpc.templates.list.queryOptions(templateListInput(search), {
      // Status changes arrive by webhook; while something is in review, look again now and then.
      refetchInterval: (query) =>
        query.state.data?.items.some((t) => IN_REVIEW.includes(t.status)) ? 4_000 : false,
    }),
  );
  const counts = filterCounts(data.counts);
  const filter = search.status ?? 'all';
  const page = search.page ?? 1;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const filtered = filter !== 'all' || Boolean(search.q) || Boolean(search.number);

  return (
    <Card flush>
      <TemplatesToolbar
        search={search}
        onSearch={onSearch}
        accounts={accounts}
        counts={counts}
        filter={filter}
      />
      <Table
        testId="templates-table"
        caption="Templates"
        rows={data.items}
        rowKey={(t) => t.id}
        rowTestId={(t) => `template-row-${t.name}`}
        empty={
          filtered ? (
            <EmptyState
              icon="search"
              title="No templates match"
              description="Try another status or search."
              testId="templates-empty"
            />
          ) : (
            <EmptyState
              icon="template"
              title="No templates yet"
              description="Write a template and submit it for Meta’s review, or import the ones your WhatsApp Business Account already has."
              action={emptyAction}
              testId="templates-empty"
            />
          )
        }
        columns={templateColumns(byId)}
      />
      {data.total > PAGE_SIZE && (
        <TemplatesPager page={page} pages={pages} total={data.total} onSearch={onSearch} />
      )}
    </Card>
  );
}
