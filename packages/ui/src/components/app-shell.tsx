import type { ReactNode } from 'react';

export interface AppShellProps {
  /** Product name/logo at the top of the sidebar. */
  brand: ReactNode;
  /** NavGroups of router links (give links the `navLinkClassName`; the router marks the active one). */
  nav: ReactNode;
  /** Left of the top bar: the tenant switcher, or a page context. */
  topBarStart?: ReactNode;
  /** Right of the top bar: the user menu. */
  topBarEnd?: ReactNode;
  sidebarFooter?: ReactNode;
  children: ReactNode;
}

/** Class for sidebar links; `aria-current="page"` (set by TanStack Router's Link) marks the active one. */
export const navLinkClassName = 'ui-nav-link';

export function AppShell({ brand, nav, topBarStart, topBarEnd, sidebarFooter, children }: AppShellProps) {
  return (
    <div className="ui-shell">
      <aside className="ui-shell__sidebar">
        <div className="ui-shell__brand">{brand}</div>
        <nav className="ui-shell__nav" aria-label="Main">
          {nav}
        </nav>
        {sidebarFooter && <div className="ui-shell__sidebar-footer">{sidebarFooter}</div>}
      </aside>
      <div className="ui-shell__main">
        <header className="ui-shell__topbar">
          <div className="ui-shell__topbar-start">{topBarStart}</div>
          <div className="ui-shell__topbar-end">{topBarEnd}</div>
        </header>
        <main className="ui-shell__content">{children}</main>
      </div>
    </div>
  );
}

export function NavGroup({ label, children }: { label?: ReactNode; children: ReactNode }) {
  return (
    <div className="ui-nav-group">
      {label && <div className="ui-nav-group__label">{label}</div>}
      <div className="ui-nav-group__items">{children}</div>
    </div>
  );
}

/** The product mark used by both apps. */
export function Brand({ product = 'dbulk', suffix }: { product?: string; suffix?: string }) {
  return (
    <span className="ui-brand">
      <span className="ui-brand__mark" aria-hidden="true">
        d
      </span>
      <span className="ui-brand__name">{product}</span>
      {suffix && <span className="ui-brand__suffix">{suffix}</span>}
    </span>
  );
}

/** Initials in a circle, for the user menu and member lists. */
export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' }) {
  return (
    <span className={`ui-avatar ui-avatar--${size}`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}

/** "Ada Lovelace" → "AL"; "bob.smith@x.test" → "BS"; "invitee-6d82@x.test" → "I". */
export function initialsOf(name: string): string {
  const local = name.includes('@') ? name.slice(0, name.indexOf('@')) : name;
  const words = local.split(/[\s._-]+/).filter((word) => /^\p{L}/u.test(word));
  return (
    words
      .slice(0, 2)
      .map((word) => word.charAt(0).toUpperCase())
      .join('') || '?'
  );
}
