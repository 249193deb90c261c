import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ErrorBanner, Icon, PageHeader } from '@dbulk/ui';
import { DisconnectNumberDialog } from '../../../features/whatsapp/components/disconnect-number-dialog';
import { SandboxBadge } from '../../../features/whatsapp/components/number-badges';
import { NumberDetails, NumberStats } from '../../../features/whatsapp/components/number-facts';
import { TestMessagePanel } from '../../../features/whatsapp/components/test-message-panel';
import { useNumberActions } from '../../../features/whatsapp/hooks/use-number-actions';
import { numberTitle } from '../../../features/whatsapp/utils/account-facts';
import { canManageNumbers, canSendTests } from '../../../features/whatsapp/utils/permissions';
import { useTRPC } from '../../../lib/trpc';

export const Route = createFileRoute('/_authed/whatsapp/$accountId')({
  loader: ({ context: { queryClient, trpc }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(trpc.tenants.current.queryOptions()),
      queryClient.ensureQueryData(trpc.whatsapp.byId.queryOptions({ accountId: params.accountId })),
    ]),
  component: NumberPage,
});

function NumberPage() {
  const { accountId } = Route.useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.current.queryOptions());
  const { data: account } = useSuspenseQuery(trpc.whatsapp.byId.queryOptions({ accountId }));
  const [confirming, setConfirming] = useState(false);
  const { revalidate, disconnect } = useNumberActions({
    onDisconnected: () => navigate({ to: '/whatsapp' }),
  });
  const manage = canManageNumbers(tenant.role);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link to="/whatsapp" className="ui-row" style={{ gap: 4, display: 'inline-flex' }}>
            <Icon name="arrow-left" style={{ width: 14, height: 14 }} /> WhatsApp numbers
          </Link>
        }
        title={
          <span className="ui-row" style={{ gap: 10 }}>
            <span data-testid="number-title">{numberTitle(account)}</span>
            {account.isSandbox && <SandboxBadge />}
          </span>
        }
        description={`${account.verifiedName ?? 'No verified name'} · WhatsApp Business Account ${account.wabaId}`}
        actions={
          manage && (
            <>
              <Button
                icon={<Icon name="refresh" />}
                loading={revalidate.isPending}
                onClick={() => revalidate.mutate({ accountId })}
                data-testid="revalidate-number"
              >
                Re-validate
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(true)} data-testid="disconnect-number">
                Disconnect
              </Button>
            </>
          )
        }
      />
      {revalidate.error && <ErrorBanner error={revalidate.error} />}
      {account.status === 'broken' && (
        <ErrorBanner
          title="This number cannot send until it is fixed"
          message={`${account.statusReason ?? 'Meta refused the stored token.'} ${manage ? 'Fix it at Meta, then re-validate, or reconnect with a new token.' : 'Ask an admin to reconnect it.'}`}
        />
      )}
      <NumberStats account={account} />
      <TestMessagePanel account={account} canSend={canSendTests(tenant.role)} />
      <NumberDetails account={account} />
      <DisconnectNumberDialog
        account={confirming ? account : null}
        onClose={() => {
          setConfirming(false);
          disconnect.reset();
        }}
        onConfirm={(a) => disconnect.mutate({ accountId: a.id })}
        pending={disconnect.isPending}
        error={disconnect.error}
      />
    </>
  );
}
