import { Link } from '@tanstack/react-router';
import { Icon, NavGroup, navLinkClassName, type IconName } from '@dbulk/ui';
import type { ComponentProps } from 'react';

type To = ComponentProps<typeof Link>['to'];

const SECTIONS: { label: string; items: { to: To; label: string; icon: IconName; exact?: boolean }[] }[] = [
  { label: 'Overview', items: [{ to: '/', label: 'Dashboard', icon: 'home', exact: true }] },
  {
    label: 'Messaging',
    items: [
      { to: '/whatsapp', label: 'WhatsApp', icon: 'chat' },
      { to: '/templates', label: 'Templates', icon: 'template' },
      { to: '/contacts', label: 'Contacts', icon: 'contacts', exact: true },
      { to: '/contacts/lists', label: 'Lists', icon: 'list' },
      { to: '/contacts/import', label: 'Import', icon: 'download' },
      { to: '/campaigns', label: 'Campaigns', icon: 'send' },
    ],
  },
  {
    label: 'Workspace',
    items: [
      { to: '/members', label: 'Members', icon: 'team' },
      { to: '/billing', label: 'Billing', icon: 'card' },
      { to: '/settings/opt-outs', label: 'Opt-outs', icon: 'shield' },
      { to: '/settings/account', label: 'Account', icon: 'settings' },
    ],
  },
];

export function AppNav() {
  return (
    <>
      {SECTIONS.map((section) => (
        <NavGroup key={section.label} label={section.label}>
          {section.items.map((item) => (
            <Link
              key={item.label}
              to={item.to}
              className={navLinkClassName}
              activeOptions={{ exact: item.exact ?? false }}
              data-testid={`nav-${item.label.toLowerCase()}`}
            >
              <Icon name={item.icon} />
              {item.label}
            </Link>
          ))}
        </NavGroup>
      ))}
    </>
  );
}
