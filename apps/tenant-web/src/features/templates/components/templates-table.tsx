import { Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import {
  Button,
  Card,
  EmptyState,
  formatDateTime,
  formatRelativeTime,
  humanize,
  Icon,
  SegmentedControl,
  Select,
  Table,
} from '@dbulk/ui';
import type { TemplatesSearch } from '../../../lib/search';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { PAGE_SIZE, templateListInput } from '../api/template-queries';
import { rejectionOf } from '../utils/history';
import { languageName } from '../utils/languages';
import {
  CATEGORY_LABELS,
  FILTER_LABELS,
  filterCounts,
  IN_REVIEW,
  STATUS_FILTERS,
} from '../utils/template-status';
import { TemplateStatusBadge } from './template-status-badge';

type Account = RouterOutputs['whatsapp']['list'][number];
type Summary = RouterOutputs['templates']['list']['items'][number];

/** The search box writes to the URL a moment after typing stops. */
function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="ui-search" style={{ width: 260 }}>
      <Icon name="search" />
      <input
        className="ui-input"
        type="search"
        placeholder="Search by name"
        aria-label="Search templates by name"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="templates-search"
      />
    </label>
  );
}

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
      <div className="ui-toolbar" style={{ paddingTop: 16 }}>
        <SegmentedControl
          label="Filter by status"
          size="sm"
          value={filter}
          onChange={(status) => onSearch({ status: status === 'all' ? undefined : status, page: undefined })}
          options={STATUS_FILTERS.map((value) => ({
            value,
            label: FILTER_LABELS[value],
            count: counts[value],
          }))}
          testId="templates-filter"
        />
        <div className="ui-row">
          {accounts.length > 1 && (
            <Select
              size="sm"
              aria-label="Filter by number"
              value={search.number ?? ''}
              onChange={(e) => onSearch({ number: e.target.value || undefined, page: undefined })}
              options={[
                { value: '', label: 'All numbers' },
                ...accounts.map((a) => ({ value: a.id, label: a.displayPhoneNumber ?? a.phoneNumberId })),
              ]}
            />
          )}
          <SearchBox
            value={search.q ?? ''}
            onChange={(q) => onSearch({ q: q || undefined, page: undefined })}
          />
        </div>
      </div>
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
        columns={[
          {
            key: 'name',
            header: 'Template',
            render: (t: Summary) => (
              <div style={{ minWidth: 0, maxWidth: 280 }}>
                <Link
                  to="/templates/$templateId"
                  params={{ templateId: t.id }}
                  className="ui-mono"
                  style={{ fontWeight: 650 }}
                  data-testid="template-link"
                >
                  {t.name}
                </Link>
                <div
                  className="ui-muted ui-small"
                  style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                  title={t.bodyPreview}
                >
                  {t.bodyPreview || '—'}
                </div>
              </div>
            ),
          },
          {
            key: 'status',
            header: 'Status',
            render: (t) => (
              <div>
                <TemplateStatusBadge status={t.status} testId="template-status" />
                {t.rejectionReason && (
                  <div
                    className="ui-small ui-nowrap"
                    style={{ color: 'var(--ui-danger-text)', marginTop: 4 }}
                    title={t.rejectionReason}
                  >
                    {humanize(rejectionOf(t.rejectionReason).code ?? 'see details')}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'category',
            header: 'Category',
            render: (t) => (
              <div>
                {CATEGORY_LABELS[t.category]}
                {t.requestedCategory && t.requestedCategory !== t.category && (
                  <div className="ui-muted ui-small">
                    asked {CATEGORY_LABELS[t.requestedCategory].toLowerCase()}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'language',
            header: 'Language',
            render: (t) => (
              <span className="ui-nowrap" title={t.language}>
                {languageName(t.language)}
              </span>
            ),
          },
          {
            key: 'number',
            header: 'Number',
            render: (t) => {
              const account = t.accountId ? byId.get(t.accountId) : undefined;
              return (
                <span className="ui-nowrap" title={`WhatsApp Business Account ${t.wabaId}`}>
                  {account?.displayPhoneNumber ? (
                    `+${account.displayPhoneNumber.replace(/^\+/, '')}`
                  ) : (
                    <span className="ui-muted">WABA {t.wabaId}</span>
                  )}
                </span>
              );
            },
          },
          {
            key: 'updated',
            header: 'Updated',
            align: 'right',
            render: (t) => (
              <span className="ui-muted ui-nowrap" title={formatDateTime(t.updatedAt)}>
                {formatRelativeTime(t.updatedAt)}
              </span>
            ),
          },
        ]}
      />
      {data.total > PAGE_SIZE && (
        <div className="ui-card__footer" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <span className="ui-muted ui-small">
            {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, data.total)} of {data.total}
          </span>
          <div className="ui-row">
            <Button
              size="sm"
              disabled={page <= 1}
              onClick={() => onSearch({ page: page - 1 > 1 ? page - 1 : undefined })}
            >
              Previous
            </Button>
            <Button size="sm" disabled={page >= pages} onClick={() => onSearch({ page: page + 1 })}>
              Next
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
