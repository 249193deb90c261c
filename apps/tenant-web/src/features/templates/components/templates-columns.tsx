import { Link } from '@tanstack/react-router';
import { formatDateTime, formatRelativeTime, humanize, type Column } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { rejectionOf } from '../utils/history';
import { languageName } from '../utils/languages';
import { CATEGORY_LABELS } from '../utils/template-status';
import { TemplateStatusBadge } from './template-status-badge';

type Account = RouterOutputs['whatsapp']['list'][number];
type Summary = RouterOutputs['templates']['list']['items'][number];

/** The table's columns; `byId` resolves each template's number. */
export function templateColumns(byId: Map<string, Account>): Column<Summary>[] {
  return [
    {
      key: 'name',
      header: 'Template',
      render: (t: Summary) => (
        <div style={{ minWidth: 0, maxWidth: 280 }}>
          <Link
            to="/templates/$templateId"
            params={{ templateId: t.id }}
            className="ui-mono"
            style={{ fontWeight: 650 }}
            data-testid="template-link"
          >
            {t.name}
          </Link>
          <div
            className="ui-muted ui-small"
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            title={t.bodyPreview}
          >
            {t.bodyPreview || '—'}
          </div>
        </div>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (t) => (
        <div>
          <TemplateStatusBadge status={t.status} testId="template-status" />
          {t.rejectionReason && (
            <div
              className="ui-small ui-nowrap"
              style={{ color: 'var(--ui-danger-text)', marginTop: 4 }}
              title={t.rejectionReason}
            >
              {humanize(rejectionOf(t.rejectionReason).code ?? 'see details')}
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'category',
      header: 'Category',
      render: (t) => (
        <div>
          {CATEGORY_LABELS[t.category]}
          {t.requestedCategory && t.requestedCategory !== t.category && (
            <div className="ui-muted ui-small">
              asked {CATEGORY_LABELS[t.requestedCategory].toLowerCase()}
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'language',
      header: 'Language',
      render: (t) => (
        <span className="ui-nowrap" title={t.language}>
          {languageName(t.language)}
        </span>
      ),
    },
    {
      key: 'number',
      header: 'Number',
      render: (t) => {
        const account = t.accountId ? byId.get(t.accountId) : undefined;
        return (
          <span className="ui-nowrap" title={`WhatsApp Business Account ${t.wabaId}`}>
            {account?.displayPhoneNumber ? (
              `+${account.displayPhoneNumber.replace(/^\+/, '')}`
            ) : (
              <span className="ui-muted">WABA {t.wabaId}</span>
            )}
          </span>
        );
      },
    },
    {
      key: 'updated',
      header: 'Updated',
      align: 'right',
      render: (t) => (
        <span className="ui-muted ui-nowrap" title={formatDateTime(t.updatedAt)}>
          {formatRelativeTime(t.updatedAt)}
        </span>
      ),
    },
  ];
}
