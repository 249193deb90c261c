import type { ReactNode } from 'react';
import { Avatar } from './app-shell';
import { DropdownMenu, MenuItem, MenuLabel, MenuSeparator } from './dropdown-menu';
import { Icon } from './icons';

/** The sign-out mutation, taken as a prop because each app signs out through its own tRPC router. */
export interface SignOutMutation {
  mutate(): void;
  isPending: boolean;
}

export interface UserMenuProps {
  user: { name: string; email: string };
  signOut: SignOutMutation;
  /** App-specific items between the email and "Sign out", e.g. a link to account settings. */
  children?: ReactNode;
}

/** The top bar's account menu: who is signed in, the app's own items, and sign-out. */
export function UserMenu({ user, signOut, children }: UserMenuProps) {
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
      {children}
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
