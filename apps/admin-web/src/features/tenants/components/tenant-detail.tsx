import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Avatar,
  Badge,
  Button,
  Card,
  DescriptionList,
  formatDateTime,
  ReasonDialog,
  RoleBadge,
  StatusBadge,
  Table,
} from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

type Pending = 'suspend' | 'activate' | 'stop-sending' | 'allow-sending' | null;

export function TenantDetail({ tenantId }: { tenantId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: tenant } = useSuspenseQuery(trpc.tenants.byId.queryOptions({ tenantId }));
  const [pending, setPending] = useState<Pending>(null);
  const refresh = async () => {
    setPending(null);
    await queryClient.invalidateQueries(trpc.tenants.pathFilter());
  };
  const setStatus = useMutation(trpc.tenants.setStatus.mutationOptions({ onSuccess: refresh }));
  const setSending = useMutation(trpc.tenants.setSendingEnabled.mutationOptions({ onSuccess: refresh }));

  const close = () => {
    setPending(null);
    setStatus.reset();
    setSending.reset();
  };
  const confirm = (reason: string) => {
    if (pending === 'suspend' || pending === 'activate') {
      setStatus.mutate({ tenantId, status: pending === 'suspend' ? 'suspended' : 'active', reason });
    } else if (pending) {
      setSending.mutate({ tenantId, enabled: pending === 'allow-sending', reason });
    }
  };
  const suspended = tenant.status === 'suspended';

  return (
    <>
      <div className="ui-grid ui-grid--2">
        <Card
          title="Account status"
          description={suspended ? 'Members cannot use the tenant and nothing is sent.' : 'Members can sign in and work normally.'}
          tone={suspended ? 'danger' : 'default'}
          actions={<StatusBadge status={tenant.status} testId="tenant-status" />}
          footer={
            suspended ? (
              <Button key="activate" variant="primary" onClick={() => setPending('activate')} data-testid="tenant-activate">
                Reactivate tenant
              </Button>
            ) : (
              <Button key="suspend" variant="danger" onClick={() => setPending('suspend')} data-testid="tenant-suspend">
                Suspend tenant
              </Button>
            )
          }
        >
          <DescriptionList
            items={[
              { label: 'Created', value: formatDateTime(tenant.createdAt) },
              { label: 'Time zone', value: tenant.timezone },
              { label: 'Tenant id', value: <code>{tenant.id}</code> },
            ]}
          />
        </Card>
        <Card
          title="Sending"
          description={
            tenant.sendingEnabled
              ? 'Campaigns of this tenant may send (unless the global kill switch is engaged).'
              : 'All sending of this tenant is stopped; queued messages wait.'
          }
          tone={tenant.sendingEnabled ? 'default' : 'danger'}
          actions={
            tenant.sendingEnabled ? (
              <Badge tone="success" testId="tenant-sending">
                Allowed
              </Badge>
            ) : (
              <Badge tone="warning" testId="tenant-sending">
                Stopped
              </Badge>
            )
          }
          footer={
            tenant.sendingEnabled ? (
              <Button key="stop" variant="danger" onClick={() => setPending('stop-sending')} data-testid="tenant-stop-sending">
                Stop sending
              </Button>
            ) : (
              <Button key="allow" variant="primary" onClick={() => setPending('allow-sending')} data-testid="tenant-allow-sending">
                Allow sending
              </Button>
            )
          }
        >
          <DescriptionList
            items={[
              { label: 'Sent, 30 days', value: <span className="ui-muted">— arrives with campaigns</span> },
              { label: 'Spend this month', value: <span className="ui-muted">— arrives with billing</span> },
            ]}
          />
        </Card>
      </div>
      <Card flush title="Members" description={tenant.members.length === 1 ? '1 member' : `${tenant.members.length} members`}>
        <Table
          testId="tenant-members"
          caption="Members"
          rows={tenant.members}
          rowKey={(m) => m.userId}
          columns={[
            {
              key: 'member',
              header: 'Member',
              render: (m) => (
                <div className="ui-row" style={{ flexWrap: 'nowrap' }}>
                  <Avatar name={m.name || m.email} />
                  <div>
                    <div style={{ fontWeight: 600 }}>{m.name || m.email}</div>
                    <div className="ui-muted ui-small">{m.email}</div>
                  </div>
                </div>
              ),
            },
            { key: 'role', header: 'Role', render: (m) => <RoleBadge role={m.role} /> },
          ]}
        />
      </Card>
      <ReasonDialog
        open={pending !== null}
        onClose={close}
        tone={pending === 'suspend' || pending === 'stop-sending' ? 'danger' : 'default'}
        title={DIALOG_TITLES[pending ?? 'suspend'].replace('{name}', tenant.name)}
        description={DIALOG_TEXT[pending ?? 'suspend']}
        confirmLabel={DIALOG_CONFIRM[pending ?? 'suspend']}
        onConfirm={confirm}
        pending={setStatus.isPending || setSending.isPending}
        error={setStatus.error ?? setSending.error}
        testId="tenant-reason-dialog"
      />
    </>
  );
}

const DIALOG_TITLES: Record<Exclude<Pending, null>, string> = {
  suspend: 'Suspend {name}?',
  activate: 'Reactivate {name}?',
  'stop-sending': 'Stop sending for {name}?',
  'allow-sending': 'Allow sending for {name}?',
};
const DIALOG_TEXT: Record<Exclude<Pending, null>, string> = {
  suspend: 'Members lose access and running campaigns stop until the tenant is reactivated.',
  activate: 'Members regain access. Campaigns stay paused until someone resumes them.',
  'stop-sending': 'Messages already queued wait; nothing more is sent to Meta for this tenant.',
  'allow-sending': 'Queued messages resume at the tenant’s normal pace.',
};
const DIALOG_CONFIRM: Record<Exclude<Pending, null>, string> = {
  suspend: 'Suspend tenant',
  activate: 'Reactivate',
  'stop-sending': 'Stop sending',
  'allow-sending': 'Allow sending',
};
