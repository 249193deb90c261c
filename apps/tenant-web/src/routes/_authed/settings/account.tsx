import { createFileRoute } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Card, DescriptionList, PageHeader } from '@dbulk/ui';
import { ChangePasswordForm } from '../../../features/auth/components/change-password-form';
import { useTRPC } from '../../../lib/trpc';

export const Route = createFileRoute('/_authed/settings/account')({
  component: AccountSettingsPage,
});

function AccountSettingsPage() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.auth.me.queryOptions());
  if (!me) return null;
  return (
    <>
      <PageHeader title="Account" description="Your personal sign-in details. They apply to every tenant you belong to." />
      <Card title="Profile">
        <DescriptionList
          items={[
            { label: 'Name', value: me.user.name },
            { label: 'Email', value: me.user.email },
            { label: 'Tenants', value: me.memberships.length },
          ]}
        />
      </Card>
      <ChangePasswordForm />
    </>
  );
}
