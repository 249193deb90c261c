import { Brand, Button, Icon, type SignOutMutation } from '@dbulk/ui';
import type { Me } from '../../../lib/trpc';

/** A signed-in user without the platform-admin flag: say so, and offer a way out. */
export function NotAdmin({ user, signOut }: { user: Me['user']; signOut: SignOutMutation }) {
  return (
    <div className="ui-auth-page">
      <div className="ui-auth-page__brand">
        <Brand suffix="Admin" />
      </div>
      <div className="ui-auth-card" data-testid="not-admin">
        <div className="ui-empty__icon">
          <Icon name="shield" />
        </div>
        <div>
          <h1 className="ui-auth-card__title">Platform admins only</h1>
          <p className="ui-auth-card__subtitle">
            You are signed in as <strong>{user.email}</strong>, which is not a platform admin account. Tenant work
            happens in the dbulk app; this console is for the people who run the platform.
          </p>
        </div>
        <Button variant="primary" size="lg" loading={signOut.isPending} onClick={() => signOut.mutate()} data-testid="not-admin-sign-out">
          Sign out and use another account
        </Button>
      </div>
    </div>
  );
}
