import { Card } from '@dbulk/ui';
import { CreateTenantForm } from './create-tenant-dialog';

/** For a user who belongs to no tenant (all memberships removed): the only way on is a new tenant. */
export function NoTenantPanel() {
  return (
    <Card
      title="You are not part of any tenant"
      description="Create one to start, or ask a colleague to invite you to theirs."
      style={{ maxWidth: 520 }}
    >
      <CreateTenantForm />
    </Card>
  );
}
