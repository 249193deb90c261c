import { useState } from 'react';
import { Select } from '@dbulk/ui';
import type { CampaignSearch } from '../api/campaign-queries';
import { MESSAGE_LABELS, MESSAGE_STATUSES, type MessageStatus } from '../utils/campaign-status';

const STATUS_OPTIONS = [
  { value: '', label: 'All statuses' },
  ...MESSAGE_STATUSES.map((s) => ({ value: s, label: MESSAGE_LABELS[s] })),
];

/** Status, Meta error code and needs-review: kept in the URL, so a filtered view can be shared. */
export function MessageFilters({
  search,
  onSearch,
}: {
  search: CampaignSearch;
  onSearch: (patch: Partial<CampaignSearch>) => void;
}) {
  return (
    <div className="ui-row" style={{ gap: 8, flexWrap: 'wrap' }}>
      <Select
        aria-label="Message status"
        size="sm"
        options={STATUS_OPTIONS}
        value={search.status ?? ''}
        onChange={(e) => onSearch({ status: (e.target.value || undefined) as MessageStatus | undefined })}
        data-testid="messages-status"
      />
      <ErrorCodeInput
        key={search.errorCode ?? ''}
        value={search.errorCode}
        onApply={(errorCode) => onSearch({ errorCode })}
      />
      <label className="ui-check ui-small">
        <input
          type="checkbox"
          checked={search.review ?? false}
          onChange={(e) => onSearch({ review: e.target.checked || undefined })}
          data-testid="messages-review"
        />
        <span>Needs review</span>
      </label>
    </div>
  );
}

/** Typed freely, applied on Enter or blur; keyed by the applied code so the URL wins on navigation. */
function ErrorCodeInput({
  value,
  onApply,
}: {
  value: number | undefined;
  onApply: (code: number | undefined) => void;
}) {
  const [code, setCode] = useState(value?.toString() ?? '');
  const apply = () => {
    const text = code.trim();
    onApply(/^\d+$/.test(text) ? Number(text) : undefined);
  };
  return (
    <input
      className="ui-input"
      style={{ width: 120, height: 32 }}
      inputMode="numeric"
      placeholder="Error code"
      aria-label="Meta error code"
      value={code}
      onChange={(e) => setCode(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
      data-testid="messages-error-code"
    />
  );
}
