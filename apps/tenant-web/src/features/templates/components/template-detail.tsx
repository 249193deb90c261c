import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  Badge,
  Card,
  DescriptionList,
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatWhatsAppText,
  humanize,
  Notice,
  sentence,
  Timeline,
  type TimelineItem,
} from '@dbulk/ui';
import { useTRPCClient, type RouterOutputs } from '../../../lib/trpc';
import { templatePreviewOptions } from '../api/template-queries';
import { historyEvent, rejectionOf } from '../utils/history';
import { languageName } from '../utils/languages';
import { CATEGORY_LABELS, IN_REVIEW } from '../utils/template-status';
import { TemplateMessagePreview } from '../../../components/template-message-preview';
import { TemplateStatusBadge } from './template-status-badge';

type Detail = RouterOutputs['templates']['byId'];
type Account = RouterOutputs['whatsapp']['list'][number];

/** What the status means for the tenant, above everything else. */
export function TemplateStatusNotice({ template }: { template: Detail }) {
  const { status } = template;
  const changed = template.requestedCategory && template.requestedCategory !== template.category;
  const reason = rejectionOf(template.rejectionReason);
  return (
    <>
      {IN_REVIEW.includes(status) && (
        <Notice tone="info" testId="template-in-review">
          <span>
            <strong>Meta is reviewing this template.</strong> This page updates by itself when Meta’s decision
            arrives — usually within minutes, at most 24 hours.
          </span>
        </Notice>
      )}
      {status === 'REJECTED' && (
        <ErrorBanner
          title={`Meta rejected this template${reason.code ? `: ${humanize(reason.code)}` : ''}`}
          message={[reason.text, template.rejectionHint ?? 'Change the content, then resubmit it.']
            .filter(Boolean)
            .join(' ')}
        />
      )}
      {status === 'PAUSED' && (
        <Notice tone="warning">
          <span>
            <strong>Paused by Meta</strong> after low-quality feedback from recipients. Sends are refused
            until Meta unpauses it; editing it sends it back for review.
          </span>
        </Notice>
      )}
      {status === 'DISABLED' && (
        <ErrorBanner
          title="Disabled by Meta"
          message="It can no longer be sent or edited, and Meta does not allow deleting it."
        />
      )}
      {changed && (
        <Notice tone="info" testId="template-category-changed">
          <span>
            <strong>Meta filed this as {CATEGORY_LABELS[template.category]}</strong> — you asked for{' '}
            {CATEGORY_LABELS[template.requestedCategory!]}. Sends are priced as{' '}
            {CATEGORY_LABELS[template.category].toLowerCase()}.
          </span>
        </Notice>
      )}
      {template.unsupported.length > 0 && (
        <Notice tone="warning">
          This template uses parts dbulk cannot edit ({template.unsupported.join(', ')}); edit it in WhatsApp
          Manager.
        </Notice>
      )}
    </>
  );
}

function Text({ children }: { children: string }) {
  return <span style={{ whiteSpace: 'pre-wrap' }}>{formatWhatsAppText(children)}</span>;
}

const BUTTON_LABELS: Record<string, string> = {
  QUICK_REPLY: 'Quick reply',
  URL: 'Website',
  PHONE_NUMBER: 'Call',
  COPY_CODE: 'Copy code',
  OTP: 'One-time code',
};

/** The components as written, and the variables a campaign must fill. */
export function TemplateContentCard({ template }: { template: Detail }) {
  const { header, body, footer, buttons = [] } = template.components;
  const variables = [...template.variables.header, ...template.variables.body, ...template.variables.buttons];
  const items: { label: ReactNode; value: ReactNode }[] = [];
  if (header) {
    items.push({
      label: 'Header',
      value:
        header.format === 'TEXT' ? (
          <Text>{header.text ?? ''}</Text>
        ) : (
          `${humanize(header.format)}${header.mediaExample ? ` · sample ${header.mediaExample}` : ''}`
        ),
    });
  }
  items.push({
    label: 'Body',
    value:
      template.category === 'AUTHENTICATION' ? (
        'Written by Meta: “{{1}} is your verification code.”'
      ) : (
        <Text>{body.text ?? ''}</Text>
      ),
  });
  if (footer?.text || footer?.codeExpirationMinutes) {
    items.push({
      label: 'Footer',
      value: footer.text ?? `This code expires in ${footer.codeExpirationMinutes} minutes.`,
    });
  }
  if (buttons.length) {
    items.push({
      label: 'Buttons',
      value: (
        <div className="ui-stack" style={{ gap: 4 }}>
          {buttons.map((b, i) => (
            <div key={i}>
              <Badge>{BUTTON_LABELS[b.type] ?? b.type}</Badge> {b.text ?? b.example ?? ''}
              {b.url && <span className="ui-muted ui-small"> · {b.url}</span>}
              {b.phoneNumber && <span className="ui-muted ui-small"> · {b.phoneNumber}</span>}
            </div>
          ))}
        </div>
      ),
    });
  }
  items.push({
    label: 'Variables',
    value: variables.length ? (
      <div className="ui-stack" style={{ gap: 4 }} data-testid="template-variables">
        {variables.map((v) => (
          <div key={v.key}>
            <code>
              {v.component === 'button'
                ? `button ${Number(v.buttonIndex) + 1}`
                : v.type === 'text'
                  ? `{{${v.name}}}`
                  : v.type}
            </code>
            <span className="ui-muted"> {v.component} · sample </span>
            {v.example ?? '—'}
          </div>
        ))}
      </div>
    ) : (
      <span className="ui-muted">None — every send is the same text.</span>
    ),
  });
  return (
    <Card title="Content">
      <DescriptionList items={items} />
      {template.problems.length > 0 && template.status === 'DRAFT' && (
        <div style={{ marginTop: 12 }}>
          <Notice tone="warning">
            <span>
              <strong>Not ready to submit:</strong> {template.problems.map((p) => p.message).join('; ')}.
            </span>
          </Notice>
        </div>
      )}
    </Card>
  );
}

export function TemplateFacts({ template, account }: { template: Detail; account: Account | undefined }) {
  return (
    <Card title="At Meta">
      <DescriptionList
        items={[
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
        ]}
      />
    </Card>
  );
}

/** Every version and status change, newest first. */
export function TemplateHistory({ template }: { template: Detail }) {
  const versions = [...template.versions].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
  const items: TimelineItem[] = versions.map((v) => {
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
  return (
    <Card
      title="History"
      description="Versions and Meta’s decisions, newest first."
      data-testid="template-history"
    >
      {items.length ? <Timeline items={items} /> : <EmptyState icon="clock" title="No history yet" />}
    </Card>
  );
}

export function TemplateDetailPreview({
  template,
  account,
}: {
  template: Detail;
  account: Account | undefined;
}) {
  const client = useTRPCClient();
  const { data } = useQuery(templatePreviewOptions(client, template));
  return (
    <TemplateMessagePreview
      preview={data}
      businessName={account?.verifiedName ?? account?.displayPhoneNumber ?? 'Your business'}
      testId="template-detail-preview"
    />
  );
}
