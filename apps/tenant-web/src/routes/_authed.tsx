import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { AppShell, Brand } from '@dbulk/ui';
import { UserMenu } from '../features/auth/components/user-menu';
import { NoTenantPanel } from '../features/tenants/components/no-tenant-panel';
import { TenantSwitcher } from '../features/tenants/components/tenant-switcher';
import { useTRPC } from '../lib/trpc';
import { AppNav } from './_authed/-components/app-nav';

/** Everything behind sign-in. An absent session goes to /sign-in and comes back here afterwards. */
export const Route = createFileRoute('/_authed')({
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me };
  },
  component: AuthedLayout,
});

function AuthedLayout() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.auth.me.queryOptions());
  if (!me) return null; // signed out a moment ago; the redirect is under way
  const hasTenant = me.memberships.some((m) => m.tenantId === me.currentTenantId);
  return (
    <AppShell
      brand={<Brand />}
      nav={<AppNav />}
      topBarStart={<TenantSwitcher me={me} />}
      topBarEnd={<UserMenu user={me.user} />}
      sidebarFooter={<span>WhatsApp Cloud API campaigns</span>}
    >
      {/* Keyed by tenant: a switch remounts every tenant-scoped view, so none keeps the previous tenant's data. */}
      {hasTenant ? <Outlet key={me.currentTenantId} /> : <NoTenantPanel />}
    </AppShell>
  );
}
