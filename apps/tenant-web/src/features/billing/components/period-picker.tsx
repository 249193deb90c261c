import { TextField } from '@dbulk/ui';

/** The report period: two dates, both days included; kept in the URL. */
export function PeriodPicker({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (period: { from?: string; to?: string }) => void;
}) {
  return (
    <div className="ui-row" style={{ gap: 8, alignItems: 'flex-end' }}>
      <TextField
        label="From"
        type="date"
        value={from}
        max={to}
        onChange={(e) => e.target.value && onChange({ from: e.target.value })}
        data-testid="billing-from"
      />
      <TextField
        label="To"
        type="date"
        value={to}
        min={from}
        onChange={(e) => e.target.value && onChange({ to: e.target.value })}
        data-testid="billing-to"
      />
    </div>
  );
}
