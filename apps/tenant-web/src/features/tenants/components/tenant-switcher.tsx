import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { DropdownMenu, ErrorBanner, Icon, MenuItem, MenuLabel, MenuSeparator, RoleBadge } from '@dbulk/ui';
import { useSessionTransitions } from '../../../lib/session';
import { useTRPC, type Me } from '../../../lib/trpc';
import { CreateTenantDialog } from './create-tenant-dialog';

/** Top-bar menu: the current tenant, the others the user belongs to, and "Create tenant". */
export function TenantSwitcher({ me }: { me: Me }) {
  const trpc = useTRPC();
  const session = useSessionTransitions();
  const [creating, setCreating] = useState(false);
  const switchTenant = useMutation(
    trpc.tenants.switch.mutationOptions({ onSuccess: () => session.tenantChanged() }),
  );
  const current = me.memberships.find((m) => m.tenantId === me.currentTenantId);

  return (
    <>
      <DropdownMenu
        label="Switch tenant"
        align="start"
        testId="tenant-switcher"
        trigger={
          <>
            <span className="ui-avatar ui-avatar--sm" aria-hidden="true">
              <Icon name="building" />
            </span>
            <span className="ui-menu__trigger-text" data-testid="current-tenant-name">
              {current?.tenantName ?? 'No tenant'}
            </span>
            {current && <RoleBadge role={current.role} />}
          </>
        }
      >
        <MenuLabel>Your tenants</MenuLabel>
        {me.memberships.map((membership) => (
          <MenuItem
            key={membership.tenantId}
            selected={membership.tenantId === me.currentTenantId}
            disabled={switchTenant.isPending}
            onClick={() => {
              if (membership.tenantId !== me.currentTenantId) switchTenant.mutate({ tenantId: membership.tenantId });
            }}
            data-testid="tenant-option"
            data-tenant-name={membership.tenantName}
          >
            {membership.tenantName}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem icon={<Icon name="plus" />} onClick={() => setCreating(true)} data-testid="create-tenant">
          Create tenant
        </MenuItem>
      </DropdownMenu>
      {switchTenant.error && <ErrorBanner error={switchTenant.error} />}
      <CreateTenantDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
