import { SegmentedControl, Select } from '@dbulk/ui';
import type { TemplatesSearch } from '../../../lib/search';
import type { RouterOutputs } from '../../../lib/trpc';
import { FILTER_LABELS, STATUS_FILTERS, type StatusFilter } from '../utils/template-status';
import { TemplatesSearchBox } from './templates-search-box';

type Account = RouterOutputs['whatsapp']['list'][number];

/** Status filter with counts, number filter and name search; all write to the URL. */
export function TemplatesToolbar({
  search,
  onSearch,
  accounts,
  counts,
  filter,
}: {
  search: TemplatesSearch;
  onSearch: (patch: Partial<TemplatesSearch>) => void;
  accounts: Account[];
  counts: Record<StatusFilter, number>;
  filter: StatusFilter;
}) {
  return (
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
        <TemplatesSearchBox
          value={search.q ?? ''}
          onChange={(q) => onSearch({ q: q || undefined, page: undefined })}
        />
      </div>
    </div>
  );
}
