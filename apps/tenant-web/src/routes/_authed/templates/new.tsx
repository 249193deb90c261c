import { createFileRoute, Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Card, EmptyState, Icon, Notice, PageHeader } from '@dbulk/ui';
import { TemplateBuilder } from '../../../features/templates/components/template-builder';
import { canWriteTemplates } from '../../../features/templates/utils/permissions';
import { newTemplateSearchSchema } from '../../../lib/search';
import { useTRPC } from '../../../lib/trpc';

export const Route = createFileRoute('/_authed/templates/new')({
  validateSearch: newTemplateSearchSchema,
  loader: ({ context: { queryClient, trpc } }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.whatsapp.list.queryOptions()),
    ]),
  component: NewTemplatePage,
});

function NewTemplatePage() {
  const trpc = useTRPC();
  const { accountId } = Route.useSearch();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: accounts } = useSuspenseQuery(trpc.whatsapp.list.queryOptions());
  const connected = accounts.filter((a) => a.status === 'connected');

  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/templates" className="ui-row" style={{ gap: 4, display: 'inline-flex' }}>
            <Icon name="arrow-left" style={{ width: 14, height: 14 }} /> Templates
          </Link>
        }
        title="New template"
        description="Write it, check it against Meta’s rules as you type, see it as WhatsApp will show it, then submit it for review."
      />
      {!canWriteTemplates(tenant.role) ? (
        <Notice tone="info">
          Viewers can read templates but not write them. Ask an admin for the member role.
        </Notice>
      ) : connected.length === 0 ? (
        <Card>
          <EmptyState
            icon="chat"
            title="Connect a WhatsApp number first"
            description="Templates belong to a WhatsApp Business Account; connect one of its numbers, or the sandbox number, to write templates for it."
            action={
              <Link to="/whatsapp" className="ui-button ui-button--primary ui-button--md">
                Go to WhatsApp numbers
              </Link>
            }
          />
        </Card>
      ) : (
        <TemplateBuilder mode={{ kind: 'new', accountId }} accounts={connected} />
      )}
    </>
  );
}
