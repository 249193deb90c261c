import { Link } from '@tanstack/react-router';
import { Icon, NavGroup, navLinkClassName, type IconName } from '@dbulk/ui';
import type { ComponentProps } from 'react';

type To = ComponentProps<typeof Link>['to'];

const SECTIONS: { label: string; items: { to: To; label: string; icon: IconName; testId: string }[] }[] = [
  {
    label: 'Platform',
    items: [
      { to: '/tenants', label: 'Tenants', icon: 'building', testId: 'nav-tenants' },
      { to: '/sending', label: 'Sending controls', icon: 'power', testId: 'nav-sending' },
      { to: '/send-rates', label: 'Send rates', icon: 'activity', testId: 'nav-send-rates' },
      { to: '/billing', label: 'Billing', icon: 'card', testId: 'nav-billing' },
      { to: '/rate-card', label: 'Rate card', icon: 'tag', testId: 'nav-rate-card' },
    ],
  },
  {
    label: 'Operations',
    items: [
      { to: '/audit', label: 'Audit log', icon: 'list', testId: 'nav-audit' },
      { to: '/system', label: 'System', icon: 'server', testId: 'nav-system' },
    ],
  },
];

export function AdminNav() {
  return (
    <>
      {SECTIONS.map((section) => (
        <NavGroup key={section.label} label={section.label}>
          {section.items.map((item) => (
            <Link key={item.testId} to={item.to} className={navLinkClassName} data-testid={item.testId}>
              <Icon name={item.icon} />
              {item.label}
            </Link>
          ))}
        </NavGroup>
      ))}
    </>
  );
}
