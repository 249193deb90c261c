import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, DialogFooter, ErrorBanner, Icon, PageHeader } from '@dbulk/ui';
import {
  TemplateContentCard,
  TemplateDetailPreview,
  TemplateFacts,
  TemplateHistory,
  TemplateStatusNotice,
} from '../../../../features/templates/components/template-detail';
import { TemplateStatusBadge } from '../../../../features/templates/components/template-status-badge';
import { useTemplateActions } from '../../../../features/templates/hooks/use-template-actions';
import { canWriteTemplates } from '../../../../features/templates/utils/permissions';
import { CATEGORY_LABELS, IN_REVIEW } from '../../../../features/templates/utils/template-status';
import { languageName } from '../../../../features/templates/utils/languages';
import { useTRPC } from '../../../../lib/trpc';

export const Route = createFileRoute('/_authed/templates/$templateId/')({
  loader: ({ context: { queryClient, trpc }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.whatsapp.list.queryOptions()),
      queryClient.ensureQueryData(trpc.templates.byId.queryOptions({ templateId: params.templateId })),
    ]),
  component: TemplatePage,
});

function TemplatePage() {
  const { templateId } = Route.useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: accounts } = useSuspenseQuery(trpc.whatsapp.list.queryOptions());
  const { data: template } = useSuspenseQuery(
    trpc.templates.byId.queryOptions(
      { templateId },
      // Meta's decision arrives by webhook (ingest → processor → database); this only re-reads it.
      {
        refetchInterval: (query) =>
          query.state.data && IN_REVIEW.includes(query.state.data.status) ? 2_000 : false,
      },
    ),
  );
  const [deleting, setDeleting] = useState(false);
  const { submit, refreshFromMeta, remove } = useTemplateActions({
    onDeleted: () => navigate({ to: '/templates' }),
  });
  const account = accounts.find((a) => a.id === template.accountId);
  const write = canWriteTemplates(tenant.role);
  const { actions } = template;
  const editable = actions.canUpdateDraft || actions.canEdit;
  const error = submit.error ?? refreshFromMeta.error;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/templates" className="ui-row" style={{ gap: 4, display: 'inline-flex' }}>
            <Icon name="arrow-left" style={{ width: 14, height: 14 }} /> Templates
          </Link>
        }
        title={
          <span className="ui-row" style={{ gap: 12 }}>
            <span className="ui-mono" data-testid="template-title">
              {template.name}
            </span>
            <TemplateStatusBadge status={template.status} testId="template-status" />
          </span>
        }
        description={`${CATEGORY_LABELS[template.category]} · ${languageName(template.language)} · version ${template.version}`}
        actions={
          write && (
            <>
              {actions.canRefresh && (
                <Button
                  icon={<Icon name="refresh" />}
                  loading={refreshFromMeta.isPending}
                  onClick={() => refreshFromMeta.mutate({ templateId })}
                  data-testid="template-refresh"
                >
                  Refresh from Meta
                </Button>
              )}
              {editable && (
                <Link
                  to="/templates/$templateId/edit"
                  params={{ templateId }}
                  className="ui-button ui-button--secondary ui-button--md"
                  data-testid="template-edit"
                >
                  <Icon name="edit" />
                  <span>
                    {actions.canUpdateDraft && template.status === 'DRAFT' ? 'Edit draft' : 'Edit & resubmit'}
                  </span>
                </Link>
              )}
              {actions.canSubmit && template.status === 'DRAFT' && (
                <Button
                  variant="primary"
                  icon={<Icon name="send" />}
                  loading={submit.isPending}
                  onClick={() => submit.mutate({ templateId })}
                  data-testid="template-submit"
                >
                  Submit for review
                </Button>
              )}
              {actions.canDelete && (
                <Button
                  variant="ghost"
                  icon={<Icon name="trash" />}
                  onClick={() => setDeleting(true)}
                  data-testid="template-delete"
                >
                  Delete
                </Button>
              )}
            </>
          )
        }
      />
      {error && <ErrorBanner error={error} />}
      <TemplateStatusNotice template={template} />
      <div className="ui-split">
        <div className="ui-stack">
          <TemplateContentCard template={template} />
          <TemplateFacts template={template} account={account} />
          <TemplateHistory template={template} />
        </div>
        <aside className="ui-split__aside">
          <TemplateDetailPreview template={template} account={account} />
        </aside>
      </div>
      <Dialog
        open={deleting}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        tone="danger"
        title={`Delete ${template.name}?`}
        description={
          template.status === 'DRAFT'
            ? 'The draft is removed from dbulk. Meta never saw it.'
            : `Meta deletes ${template.name} in ${languageName(template.language)}.${template.status === 'APPROVED' ? ' Sends already queued are attempted for 30 days, and the name cannot be reused for 30 days.' : ''}`
        }
        testId="delete-template-dialog"
      >
        {remove.error != null && <ErrorBanner error={remove.error} />}
        <DialogFooter>
          <Button variant="ghost" onClick={() => setDeleting(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={remove.isPending}
            onClick={() => remove.mutate({ templateId })}
            data-testid="confirm-delete-template"
          >
            Delete
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
