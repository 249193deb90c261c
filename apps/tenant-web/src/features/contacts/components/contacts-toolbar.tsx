import { Icon, SegmentedControl, Select } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';

export type OptOutFilter = 'all' | 'subscribed' | 'opted-out';

export interface ContactFilters {
  search: string;
  listId: string;
  tag: string;
  optOut: OptOutFilter;
}

type List = RouterOutputs['lists']['list'][number];

/** Search by phone or name, and filter by list, tag and opt-out state. */
export function ContactsToolbar({
  filters,
  onChange,
  lists,
}: {
  filters: ContactFilters;
  onChange: (patch: Partial<ContactFilters>) => void;
  lists: List[];
}) {
  return (
    <div className="ui-toolbar" style={{ paddingTop: 16 }}>
      <SegmentedControl
        label="Filter by opt-out"
        size="sm"
        value={filters.optOut}
        onChange={(optOut) => onChange({ optOut })}
        options={[
          { value: 'all', label: 'All' },
          { value: 'subscribed', label: 'Subscribed' },
          { value: 'opted-out', label: 'Opted out' },
        ]}
        testId="contacts-opt-out-filter"
      />
      <div className="ui-row">
        <Select
          size="sm"
          aria-label="Filter by list"
          value={filters.listId}
          onChange={(e) => onChange({ listId: e.target.value })}
          options={[
            { value: '', label: 'All lists' },
            ...lists.map((l) => ({ value: l.id, label: `${l.name} (${l.members})` })),
          ]}
          data-testid="contacts-list-filter"
        />
        <label className="ui-search" style={{ width: 160 }}>
          <Icon name="tag" />
          <input
            className="ui-input"
            placeholder="Tag"
            aria-label="Filter by tag"
            value={filters.tag}
            onChange={(e) => onChange({ tag: e.target.value })}
            data-testid="contacts-tag-filter"
          />
        </label>
        <label className="ui-search" style={{ width: 240 }}>
          <Icon name="search" />
          <input
            className="ui-input"
            type="search"
            placeholder="Phone or name"
            aria-label="Search contacts by phone or name"
            value={filters.search}
            onChange={(e) => onChange({ search: e.target.value })}
            data-testid="contacts-search"
          />
        </label>
      </div>
    </div>
  );
}
