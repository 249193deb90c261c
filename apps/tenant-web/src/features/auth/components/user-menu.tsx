import { Link } from '@tanstack/react-router';
import { Icon, UserMenu as AccountMenu } from '@dbulk/ui';
import { useSignOut } from '@dbulk/web';
import { useTRPC, type Me } from '../../../lib/trpc';

/** The shared account menu with the tenant app's own item: account settings. */
export function UserMenu({ user }: { user: Me['user'] }) {
  const trpc = useTRPC();
  const signOut = useSignOut(trpc.auth.signOut);
  return (
    <AccountMenu user={user} signOut={signOut}>
      <Link to="/settings/account" className="ui-menu__item" role="menuitem">
        <span className="ui-menu__item-icon">
          <Icon name="settings" />
        </span>
        <span className="ui-menu__item-text">Account settings</span>
      </Link>
    </AccountMenu>
  );
}
