import { Select } from '@dbulk/ui';
import { BILLING_CATEGORIES, LEDGER_KINDS, type BillingSearch } from '../api/billing-queries';
import { categoryLabel } from '../utils/spend-chart';

const KIND_LABELS: Record<(typeof LEDGER_KINDS)[number], string> = {
  charge: 'Charges',
  adjustment: 'Adjustments',
};

/** Kind, category and campaign; the period is the page's. Kept in the URL. */
export function LedgerFilters({
  search,
  onSearch,
  campaigns,
}: {
  search: BillingSearch;
  onSearch: (patch: Partial<BillingSearch>) => void;
  campaigns: readonly { id: string; name: string }[];
}) {
  return (
    <div className="ui-row" style={{ gap: 8, flexWrap: 'wrap' }}>
      <Select
        aria-label="Entry kind"
        size="sm"
        options={[
          { value: '', label: 'All entries' },
          ...LEDGER_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
        ]}
        value={search.kind ?? ''}
        onChange={(e) => onSearch({ kind: (e.target.value || undefined) as BillingSearch['kind'] })}
        data-testid="ledger-kind"
      />
      <Select
        aria-label="Category"
        size="sm"
        options={[
          { value: '', label: 'All categories' },
          ...BILLING_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })),
        ]}
        value={search.category ?? ''}
        onChange={(e) => onSearch({ category: (e.target.value || undefined) as BillingSearch['category'] })}
        data-testid="ledger-category"
      />
      <Select
        aria-label="Campaign"
        size="sm"
        options={[
          { value: '', label: 'All campaigns' },
          ...campaigns.map((c) => ({ value: c.id, label: c.name })),
        ]}
        value={search.campaignId ?? ''}
        onChange={(e) => onSearch({ campaignId: e.target.value || undefined })}
        data-testid="ledger-campaign"
      />
    </div>
  );
}
