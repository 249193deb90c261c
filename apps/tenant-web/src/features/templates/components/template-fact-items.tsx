import type { ReactNode } from 'react';
import { formatDateTime, humanize } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { languageName } from '../utils/languages';
import { CATEGORY_LABELS } from '../utils/template-status';
import { TemplateStatusBadge } from './template-status-badge';

type Detail = RouterOutputs['templates']['byId'];
type Account = RouterOutputs['whatsapp']['list'][number];

/** What Meta knows about the template, as description rows. */
export function templateFactItems(
  template: Detail,
  account: Account | undefined,
): { label: ReactNode; value: ReactNode }[] {
  return [
    {
      label: 'Status',
      value: <TemplateStatusBadge status={template.status} testId="template-detail-status" />,
    },
    {
      label: 'Category',
      value: (
        <span data-testid="template-category">
          {CATEGORY_LABELS[template.category]}
          {template.requestedCategory && template.requestedCategory !== template.category && (
            <span className="ui-muted"> (asked {CATEGORY_LABELS[template.requestedCategory]})</span>
          )}
        </span>
      ),
    },
    {
      label: 'Quality',
      value: template.qualityScore ? (
        humanize(template.qualityScore)
      ) : (
        <span className="ui-muted">Not rated yet</span>
      ),
    },
    { label: 'Language', value: `${languageName(template.language)} · ${template.language}` },
    { label: 'Variables', value: template.parameterFormat === 'NAMED' ? 'Named' : 'Numbered' },
    {
      label: 'Number',
      value: account ? (
        `+${(account.displayPhoneNumber ?? account.phoneNumberId).replace(/^\+/, '')}`
      ) : (
        <span className="ui-muted">Disconnected</span>
      ),
    },
    { label: 'WABA', value: <span className="ui-mono">{template.wabaId}</span> },
    {
      label: 'Meta id',
      value: template.metaTemplateId ? (
        <span className="ui-mono">{template.metaTemplateId}</span>
      ) : (
        <span className="ui-muted">Not submitted</span>
      ),
    },
    { label: 'Submitted', value: formatDateTime(template.submittedAt) || '—' },
    { label: 'Last synced', value: formatDateTime(template.lastSyncedAt) || '—' },
    ...(template.actions.nextEditAt
      ? [{ label: 'Next edit', value: formatDateTime(template.actions.nextEditAt) }]
      : []),
    ...(template.nameReusableAt
      ? [{ label: 'Name reusable', value: formatDateTime(template.nameReusableAt) }]
      : []),
  ];
}
