import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Icon, PageHeader } from '@dbulk/ui';
import { templateListInput } from '../../../features/templates/api/template-queries';
import {
  ImportResult,
  ImportTemplatesMenu,
} from '../../../features/templates/components/import-templates-menu';
import { TemplatesTable } from '../../../features/templates/components/templates-table';
import { useImportTemplates } from '../../../features/templates/hooks/use-import-templates';
import { canWriteTemplates } from '../../../features/templates/utils/permissions';
import { templatesSearchSchema, type TemplatesSearch } from '../../../lib/search';
import { useTRPC } from '../../../lib/trpc';

export const Route = createFileRoute('/_authed/templates/')({
  validateSearch: templatesSearchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc }, deps }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.whatsapp.list.queryOptions()),
      queryClient.ensureQueryData(trpc.templates.list.queryOptions(templateListInput(deps))),
    ]),
  component: TemplatesPage,
});

function TemplatesPage() {
  const trpc = useTRPC();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: accounts } = useSuspenseQuery(trpc.whatsapp.list.queryOptions());
  const importer = useImportTemplates();
  const write = canWriteTemplates(tenant.role);
  const onSearch = useCallback(
    (patch: Partial<TemplatesSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const newButton = (
    <Link
      to="/templates/new"
      className="ui-button ui-button--primary ui-button--md"
      data-testid="new-template"
    >
      <Icon name="plus" />
      <span>New template</span>
    </Link>
  );

  return (
    <>
      <PageHeader
        title="Templates"
        description="Message templates for your WhatsApp numbers and their review status at Meta. Only approved templates can be sent."
        actions={
          write && (
            <>
              <ImportTemplatesMenu accounts={accounts} mutation={importer} />
              {newButton}
            </>
          )
        }
      />
      <ImportResult mutation={importer} accounts={accounts} />
      <TemplatesTable
        search={search}
        onSearch={onSearch}
        accounts={accounts}
        emptyAction={write && accounts.length > 0 ? newButton : undefined}
      />
    </>
  );
}
