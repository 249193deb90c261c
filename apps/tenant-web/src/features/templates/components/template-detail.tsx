import { useQuery } from '@tanstack/react-query';
import { Card, DescriptionList, EmptyState, ErrorBanner, humanize, Notice, Timeline } from '@dbulk/ui';
import { useTRPCClient, type RouterOutputs } from '../../../lib/trpc';
import { templatePreviewOptions } from '../api/template-queries';
import { rejectionOf } from '../utils/history';
import { CATEGORY_LABELS, IN_REVIEW } from '../utils/template-status';
import { TemplateMessagePreview } from '../../../components/template-message-preview';
import { templateContentItems } from './template-content-items';
import { templateFactItems } from './template-fact-items';
import { templateHistoryItems } from './template-history-items';

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

/** The components as written, and the variables a campaign must fill. */
export function TemplateContentCard({ template }: { template: Detail }) {
  const items = templateContentItems(template);
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
      <DescriptionList items={templateFactItems(template, account)} />
    </Card>
  );
}

/** Every version and status change, newest first. */
export function TemplateHistory({ template }: { template: Detail }) {
  const items = templateHistoryItems(template);
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
