import { createFileRoute, Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Icon, Notice, PageHeader } from '@dbulk/ui';
import { TemplateBuilder } from '../../../../features/templates/components/template-builder';
import { canWriteTemplates } from '../../../../features/templates/utils/permissions';
import { useTRPC } from '../../../../lib/trpc';

export const Route = createFileRoute('/_authed/templates/$templateId/edit')({
  loader: ({ context: { queryClient, trpc }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.whatsapp.list.queryOptions()),
      queryClient.ensureQueryData(trpc.templates.byId.queryOptions({ templateId: params.templateId })),
    ]),
  component: EditTemplatePage,
});

function EditTemplatePage() {
  const { templateId } = Route.useParams();
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: accounts } = useSuspenseQuery(trpc.whatsapp.list.queryOptions());
  const { data: template } = useSuspenseQuery(trpc.templates.byId.queryOptions({ templateId }));
  const { actions } = template;
  const editable = canWriteTemplates(tenant.role) && (actions.canUpdateDraft || actions.canEdit);
  // The template's own number stays selectable even if it is no longer connected.
  const choices = accounts.filter((a) => a.status === 'connected' || a.id === template.accountId);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link
            to="/templates/$templateId"
            params={{ templateId }}
            className="ui-row"
            style={{ gap: 4, display: 'inline-flex' }}
          >
            <Icon name="arrow-left" style={{ width: 14, height: 14 }} /> {template.name}
          </Link>
        }
        title={template.status === 'DRAFT' ? 'Edit draft' : 'Edit & resubmit'}
        description={
          template.status === 'DRAFT'
            ? 'Meta has not seen this draft yet. Save it, or submit it for review.'
            : 'Your changes replace the template at Meta and go back through review; the previous version stays in the history.'
        }
      />
      {editable ? (
        <TemplateBuilder key={template.updatedAt} mode={{ kind: 'edit', template }} accounts={choices} />
      ) : (
        <Notice tone="info" testId="template-not-editable">
          {!canWriteTemplates(tenant.role)
            ? 'Viewers cannot edit templates.'
            : actions.nextEditAt
              ? `Meta allows the next edit of this approved template after ${new Date(actions.nextEditAt).toLocaleString()}.`
              : `A ${template.status.toLowerCase()} template cannot be edited.`}
        </Notice>
      )}
    </>
  );
}
