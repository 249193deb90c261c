import { Button } from '@dbulk/ui';
import type { TemplatesSearch } from '../../../lib/search';
import { PAGE_SIZE } from '../api/template-queries';

/** Which rows show, and the previous and next pages. */
export function TemplatesPager({
  page,
  pages,
  total,
  onSearch,
}: {
  page: number;
  pages: number;
  total: number;
  onSearch: (patch: Partial<TemplatesSearch>) => void;
}) {
  return (
    <div className="ui-card__footer" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
      <span className="ui-muted ui-small">
        {(page - 1) * PAGE_SIZE + 1}–{Math.min(page * PAGE_SIZE, total)} of {total}
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
  );
}
