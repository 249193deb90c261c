import { Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  Button,
  Card,
  EmptyState,
  ErrorBanner,
  formatDateTime,
  formatRelativeTime,
  Icon,
  Table,
} from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { useNumberActions } from '../hooks/use-number-actions';
import { messagingLimitText, numberTitle, throughputText, tierLabel } from '../utils/account-facts';
import { DisconnectNumberDialog } from './disconnect-number-dialog';
import { ConnectionBadge, QualityBadge, SandboxBadge } from './number-badges';

type Account = RouterOutputs['whatsapp']['list'][number];

/** Every live number of the tenant with what Meta last reported; admins re-validate or disconnect here. */
export function NumbersTable({ manage, emptyAction }: { manage: boolean; emptyAction?: ReactNode }) {
  const trpc = useTRPC();
  const { data: accounts } = useSuspenseQuery(trpc.whatsapp.list.queryOptions());
  const [disconnecting, setDisconnecting] = useState<Account | null>(null);
  const { revalidate, disconnect } = useNumberActions({ onDisconnected: () => setDisconnecting(null) });

  return (
    <Card
      title="Connected numbers"
      description={
        accounts.length === 0
          ? 'Numbers you connect appear here with their quality rating and limits.'
          : `${accounts.length} ${accounts.length === 1 ? 'number sends' : 'numbers send'} for this tenant.`
      }
      flush
    >
      {revalidate.error && (
        <div style={{ padding: '0 20px 12px' }}>
          <ErrorBanner error={revalidate.error} />
        </div>
      )}
      <Table
        testId="numbers-table"
        caption="Connected WhatsApp numbers"
        rows={accounts}
        rowKey={(a) => a.id}
        rowTestId={(a) => `number-row-${a.phoneNumberId}`}
        empty={
          <EmptyState
            icon="chat"
            title="No WhatsApp number connected"
            description="Connect a number from your WhatsApp Business Account to send approved templates. Or try everything first with the sandbox number."
            action={emptyAction}
            testId="numbers-empty"
          />
        }
        columns={[
          {
            key: 'number',
            header: 'Number',
            render: (a) => (
              <div style={{ minWidth: 0 }}>
                <div className="ui-row" style={{ gap: 8, flexWrap: 'nowrap' }}>
                  <Link
                    to="/whatsapp/$accountId"
                    params={{ accountId: a.id }}
                    style={{ fontWeight: 650 }}
                    data-testid="number-link"
                  >
                    {numberTitle(a)}
                  </Link>
                  {a.isSandbox && <SandboxBadge />}
                </div>
                <div className="ui-small">{a.verifiedName ?? 'No verified name'}</div>
                <div className="ui-muted ui-small ui-nowrap">WABA {a.wabaId}</div>
              </div>
            ),
          },
          {
            key: 'quality',
            header: 'Quality',
            render: (a) => <QualityBadge rating={a.qualityRating} testId="number-quality" />,
          },
          {
            key: 'limits',
            header: 'Limits',
            render: (a) => (
              <div>
                <div style={{ fontWeight: 600 }} className="ui-nowrap">
                  {tierLabel(a.messagingLimitTier) ?? '—'}
                  <span className="ui-muted" style={{ fontWeight: 400 }}>
                    {' '}
                    · {messagingLimitText(a.messagingLimitTier, a.messagingLimit)}
                  </span>
                </div>
                <div className="ui-muted ui-small ui-nowrap">
                  {throughputText(a.throughputMps, a.throughputLevel)}
                </div>
              </div>
            ),
          },
          {
            key: 'status',
            header: 'Status',
            render: (a) => (
              <div style={{ maxWidth: 240 }}>
                <ConnectionBadge status={a.status} testId="number-status" />
                {a.statusReason ? (
                  <div className="ui-small" style={{ color: 'var(--ui-danger-text)', marginTop: 4 }}>
                    {a.statusReason}
                  </div>
                ) : (
                  <div
                    className="ui-muted ui-small ui-nowrap"
                    style={{ marginTop: 4 }}
                    title={formatDateTime(a.lastValidatedAt)}
                  >
                    Checked {formatRelativeTime(a.lastValidatedAt) || 'never'}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'actions',
            header: <span className="ui-visually-hidden">Actions</span>,
            align: 'right',
            render: (a) => (
              <div className="ui-row" style={{ justifyContent: 'flex-end', flexWrap: 'nowrap', gap: 4 }}>
                {manage && (
                  <>
                    <Button
                      size="sm"
                      variant="ghost"
                      icon={<Icon name="refresh" />}
                      aria-label={`Re-validate ${numberTitle(a)} with Meta`}
                      title="Re-validate with Meta"
                      loading={revalidate.isPending && revalidate.variables?.accountId === a.id}
                      onClick={() => revalidate.mutate({ accountId: a.id })}
                      data-testid="revalidate-number"
                    />
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setDisconnecting(a)}
                      data-testid="disconnect-number"
                    >
                      Disconnect
                    </Button>
                  </>
                )}
                {!manage && (
                  <Link
                    to="/whatsapp/$accountId"
                    params={{ accountId: a.id }}
                    className="ui-button ui-button--ghost ui-button--sm"
                  >
                    Open
                  </Link>
                )}
              </div>
            ),
          },
        ]}
      />
      <DisconnectNumberDialog
        account={disconnecting}
        onClose={() => {
          setDisconnecting(null);
          disconnect.reset();
        }}
        onConfirm={(a) => disconnect.mutate({ accountId: a.id })}
        pending={disconnect.isPending}
        error={disconnect.error}
      />
    </Card>
  );
}
