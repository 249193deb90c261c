import { formatDateTime, humanize, sentence, type TimelineItem } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { historyEvent } from '../utils/history';
import { TemplateStatusBadge } from './template-status-badge';

type Detail = RouterOutputs['templates']['byId'];

/** Every version and status change, newest first, as timeline items. */
export function templateHistoryItems(template: Detail): TimelineItem[] {
  const versions = [...template.versions].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
  return versions.map((v) => {
    const { title, meta } = historyEvent(v.event, v.status);
    return {
      key: v.id,
      title: (
        <span className="ui-row" style={{ gap: 8 }}>
          {title}
          <TemplateStatusBadge status={v.status} />
        </span>
      ),
      meta: `v${v.version} · ${formatDateTime(v.createdAt)}`,
      description: v.reason
        ? sentence(v.reason.includes('_') && !v.reason.includes(' ') ? humanize(v.reason) : v.reason)
        : undefined,
      state: v.status === 'REJECTED' || v.status === 'DISABLED' ? 'failed' : 'done',
      testId: meta ? `template-history-meta-${meta}` : `template-history-${v.event}`,
    };
  });
}
