import { Card } from '@dbulk/ui';
import type { ContactImport } from '../utils/upload-contacts';

/** Bytes read of the file while uploading, then "merging" until the import's totals are in. */
export function ImportProgress({ progress, fileSize }: { progress: ContactImport | null; fileSize: number }) {
  const total = progress?.bytesTotal ?? fileSize;
  const read = progress?.bytesRead ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((read / total) * 100)) : 0;
  const merging = total > 0 && read >= total;
  return (
    <Card
      title="Importing…"
      description={
        merging ? 'File read; merging the contacts into your workspace.' : 'Reading and checking every row.'
      }
      data-testid="import-progress"
    >
      <progress
        max={100}
        value={percent}
        style={{ width: '100%' }}
        aria-label="Import progress"
        data-testid="import-progress-bar"
      />
      <p className="ui-muted ui-small" data-testid="import-progress-text">
        {percent}% · {(progress?.rowsRead ?? 0).toLocaleString()} rows read ·{' '}
        {(progress?.rejected ?? 0).toLocaleString()} rejected
      </p>
    </Card>
  );
}
