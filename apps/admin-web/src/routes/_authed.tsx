import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { AppShell, Brand, UserMenu } from '@dbulk/ui';
import { useSignOut } from '@dbulk/web';
import { NotAdmin } from '../features/auth/components/not-admin';
import { SendingStatusBadge } from '../features/sending/components/sending-status-badge';
import { useTRPC } from '../lib/trpc';
import { AdminNav } from './_authed/-components/admin-nav';

/** Signed in, and a platform admin; anyone else sees "platform admins only" (the api refuses them anyway). */
export const Route = createFileRoute('/_authed')({
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me };
  },
  component: AdminLayout,
});

function AdminLayout() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.auth.me.queryOptions());
  const signOut = useSignOut(trpc.auth.signOut);
  if (!me) return null; // signed out a moment ago; the redirect is under way
  if (!me.user.isPlatformAdmin) return <NotAdmin user={me.user} signOut={signOut} />;
  return (
    <AppShell
      brand={<Brand suffix="Admin" />}
      nav={<AdminNav />}
      topBarStart={<SendingStatusBadge />}
      topBarEnd={<UserMenu user={me.user} signOut={signOut} />}
      sidebarFooter={<span>Platform administration</span>}
    >
      <Outlet />
    </AppShell>
  );
}
