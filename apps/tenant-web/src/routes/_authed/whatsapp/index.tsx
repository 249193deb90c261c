import { createFileRoute } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Icon, Notice, PageHeader } from '@dbulk/ui';
import { ConnectNumberDialog } from '../../../features/whatsapp/components/connect-number-dialog';
import {
  ConnectSandboxButton,
  ConnectSandboxResult,
} from '../../../features/whatsapp/components/connect-sandbox';
import { NumbersTable } from '../../../features/whatsapp/components/numbers-table';
import { useConnectSandbox } from '../../../features/whatsapp/hooks/use-connect-sandbox';
import { canManageNumbers } from '../../../features/whatsapp/utils/permissions';
import { useTRPC } from '../../../lib/trpc';

export const Route = createFileRoute('/_authed/whatsapp/')({
  loader: ({ context: { queryClient, trpc } }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.whatsapp.list.queryOptions()),
    ]),
  component: WhatsappNumbersPage,
});

function WhatsappNumbersPage() {
  const trpc = useTRPC();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const [connecting, setConnecting] = useState(false);
  const sandbox = useConnectSandbox();
  const manage = canManageNumbers(tenant.role);
  const connectButton = (testId: string) => (
    <Button
      variant="primary"
      icon={<Icon name="plus" />}
      onClick={() => setConnecting(true)}
      data-testid={testId}
    >
      Connect a number
    </Button>
  );

  return (
    <>
      <PageHeader
        title="WhatsApp numbers"
        description="The WhatsApp Business numbers this tenant sends from, with the quality rating, messaging limit and throughput Meta reports."
        actions={
          manage && (
            <>
              <ConnectSandboxButton mutation={sandbox} />
              {connectButton('connect-number')}
            </>
          )
        }
      />
      <ConnectSandboxResult mutation={sandbox} />
      {!manage && (
        <Notice tone="info" testId="whatsapp-read-only">
          Only owners and admins can connect or disconnect numbers.
          {tenant.role === 'member' ? ' Open a number to send it a test message.' : ''}
        </Notice>
      )}
      <NumbersTable
        manage={manage}
        emptyAction={
          manage && (
            <div className="ui-row" style={{ justifyContent: 'center' }}>
              {connectButton('empty-connect-number')}
              <ConnectSandboxButton mutation={sandbox} testId="empty-connect-sandbox" />
            </div>
          )
        }
      />
      <ConnectNumberDialog open={connecting} onClose={() => setConnecting(false)} />
    </>
  );
}
