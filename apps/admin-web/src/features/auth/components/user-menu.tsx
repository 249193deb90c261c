import { Avatar, DropdownMenu, Icon, MenuItem, MenuLabel, MenuSeparator } from '@dbulk/ui';
import type { Me } from '../../../lib/trpc';
import { useSignOut } from '../hooks/use-sign-out';

export function UserMenu({ user }: { user: Me['user'] }) {
  const signOut = useSignOut();
  return (
    <DropdownMenu
      label="Account menu"
      testId="user-menu"
      trigger={
        <>
          <Avatar name={user.name || user.email} />
          <span className="ui-menu__trigger-text">{user.name || user.email}</span>
        </>
      }
    >
      <MenuLabel>{user.email}</MenuLabel>
      <MenuSeparator />
      <MenuItem
        icon={<Icon name="logout" />}
        tone="danger"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
        data-testid="sign-out"
      >
        Sign out
      </MenuItem>
    </DropdownMenu>
  );
}
