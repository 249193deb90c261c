import { Card, EmptyState, ErrorBanner, Stat, Table } from '@dbulk/ui';
import type { ContactImport } from '../utils/upload-contacts';

type Rejected = ContactImport['errors'][number];

/** The totals of a finished import and the rejected rows with line and reason. */
export function ImportResult({ result }: { result: ContactImport }) {
  if (result.status === 'FAILED')
    return (
      <ErrorBanner
        title="The import failed; nothing was imported"
        message={result.errorMessage ?? 'unknown error'}
      />
    );
  return (
    <Card title={`Imported ${result.fileName}`} data-testid="import-result">
      <div className="ui-grid" style={{ gridTemplateColumns: 'repeat(5, minmax(0, 1fr))' }}>
        <Stat label="Rows" value={result.rowsRead.toLocaleString()} testId="import-rows" />
        <Stat label="New contacts" value={result.created.toLocaleString()} testId="import-created" />
        <Stat label="Updated" value={result.updated.toLocaleString()} testId="import-updated" />
        <Stat
          label="Repeated in file"
          value={result.duplicates.toLocaleString()}
          testId="import-duplicates"
        />
        <Stat label="Rejected" value={result.rejected.toLocaleString()} testId="import-rejected" />
      </div>
      <Table<Rejected>
        testId="import-errors"
        caption={
          result.rejected > result.errors.length
            ? `First ${result.errors.length} of ${result.rejected} rejected rows`
            : 'Rejected rows'
        }
        rows={result.errors}
        rowKey={(e) => String(e.line)}
        rowTestId={(e) => `import-error-${e.line}`}
        columns={[
          { key: 'line', header: 'Line', render: (e) => e.line, width: '80px' },
          { key: 'value', header: 'Value', render: (e) => <span className="ui-mono">{e.value ?? ''}</span> },
          { key: 'reason', header: 'Reason', render: (e) => e.reason },
        ]}
        empty={<EmptyState icon="check" title="Every row was accepted" />}
      />
    </Card>
  );
}
