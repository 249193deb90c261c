import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, ErrorBanner, Table } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { useContactImport } from '../hooks/use-contact-import';
import { guessMapping, parseCsvPreview, type CsvPreview } from '../utils/csv-preview';
import type { ColumnMapping } from '../utils/upload-contacts';
import { ColumnMappingFields } from './column-mapping';
import { ImportProgress } from './import-progress';
import { ImportResult } from './import-result';

const PREVIEW_BYTES = 64 * 1024;
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Pick a CSV, check its first rows and the column mapping, upload with live progress, read the result. */
export function ImportWizard() {
  const trpc = useTRPC();
  const { data: lists } = useSuspenseQuery(trpc.lists.list.queryOptions());
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ phone: '', name: '', tags: '', attributes: [] });
  const [listId, setListId] = useState('');
  const [pickError, setPickError] = useState<string | null>(null);
  const upload = useContactImport();

  const pick = async (picked: File | undefined) => {
    upload.reset();
    setPickError(null);
    setFile(null);
    setPreview(null);
    if (!picked) return;
    if (picked.size > MAX_FILE_BYTES)
      return setPickError(`${picked.name} is larger than 100 MB; split it into several files`);
    const parsed = parseCsvPreview(
      await picked.slice(0, PREVIEW_BYTES).text(),
      10,
      picked.size <= PREVIEW_BYTES,
    );
    if (parsed.header.length === 0)
      return setPickError(`${picked.name} is empty: it needs a header line naming the columns`);
    setFile(picked);
    setPreview(parsed);
    setMapping(guessMapping(parsed.header));
  };

  return (
    <div className="ui-stack">
      <Card
        title="1. Choose a CSV file"
        description="UTF-8, comma or semicolon separated, with a header line; up to 1,000,000 rows or 100 MB."
      >
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void pick(e.target.files?.[0])}
          data-testid="import-file"
        />
        {pickError && <ErrorBanner message={pickError} />}
      </Card>
      {file && preview && (
        <Card
          title="2. Check the columns"
          description={`First rows of ${file.name} (${preview.delimiter === ';' ? 'semicolon' : 'comma'} separated).`}
          data-testid="import-preview"
        >
          <Table<string[]>
            caption="Preview"
            rows={preview.rows}
            rowKey={(row) => preview.rows.indexOf(row).toString()}
            columns={preview.header.map((h, i) => ({
              key: `${i}:${h}`,
              header: h || `(column ${i + 1})`,
              render: (row: string[]) => row[i] ?? '',
            }))}
          />
          <ColumnMappingFields
            header={preview.header}
            mapping={mapping}
            onMapping={setMapping}
            lists={lists}
            listId={listId}
            onList={setListId}
          />
          <div className="ui-row" style={{ marginTop: 16 }}>
            <Button
              variant="primary"
              disabled={!mapping.phone || upload.running}
              loading={upload.running}
              onClick={() => upload.start({ file, mapping, listId: listId || null })}
              data-testid="import-start"
            >
              Import {file.name}
            </Button>
          </div>
        </Card>
      )}
      {upload.running && file && <ImportProgress progress={upload.progress} fileSize={file.size} />}
      {upload.error && <ErrorBanner title="The import failed" error={upload.error} />}
      {upload.result && <ImportResult result={upload.result} />}
    </div>
  );
}
