import { Link } from '@tanstack/react-router';
import { Card, Icon, type IconName } from '@dbulk/ui';
import type { ComponentProps } from 'react';

const STEPS: { to: ComponentProps<typeof Link>['to']; icon: IconName; title: string; text: string }[] = [
  { to: '/whatsapp', icon: 'chat', title: 'Connect WhatsApp', text: 'Link your WhatsApp Business Account and phone number.' },
  { to: '/templates', icon: 'template', title: 'Prepare templates', text: 'Submit message templates for Meta’s approval.' },
  { to: '/contacts', icon: 'contacts', title: 'Import contacts', text: 'Upload opted-in recipients as lists.' },
  { to: '/campaigns', icon: 'send', title: 'Launch a campaign', text: 'Send, pace and watch delivery live.' },
];

export function GettingStarted() {
  return (
    <Card title="Getting started" description="The path to your first campaign.">
      <ol className="ui-feed">
        {STEPS.map((step, index) => (
          <li key={step.title} className="ui-feed__item">
            <span className="ui-avatar ui-avatar--sm" aria-hidden="true">
              {index + 1}
            </span>
            <div className="ui-feed__text">
              <Link to={step.to} style={{ fontWeight: 600 }}>
                {step.title}
              </Link>
              <span className="ui-muted ui-small">{step.text}</span>
            </div>
            <Icon name={step.icon} className="ui-muted" style={{ marginLeft: 'auto' }} />
          </li>
        ))}
      </ol>
    </Card>
  );
}
