import { Card, Table, type Column } from '@dbulk/ui';

interface RowError {
  line: number;
  field: string;
  message: string;
}

const COLUMNS: Column<RowError>[] = [
  {
    key: 'line',
    header: 'Line',
    align: 'right',
    width: '70px',
    render: (e) => <span className="ui-mono">{e.line}</span>,
  },
  {
    key: 'field',
    header: 'Field',
    width: '140px',
    render: (e) => <span className="ui-mono">{e.field}</span>,
  },
  { key: 'message', header: 'Problem', render: (e) => e.message },
];

/** Every row-level problem of an upload; nothing is staged until there are none. */
export function RateCardErrors({ errors }: { errors: readonly RowError[] }) {
  return (
    <Card
      tone="danger"
      title={`${errors.length} problem${errors.length === 1 ? '' : 's'} in the CSV`}
      description="Fix them and upload again; nothing was staged."
      flush
    >
      <Table
        columns={COLUMNS}
        rows={errors}
        rowKey={(e) => `${e.line}|${e.field}|${e.message}`}
        testId="rate-card-errors"
        rowTestId={(e) => `rate-card-error-${e.line}-${e.field}`}
      />
    </Card>
  );
}
