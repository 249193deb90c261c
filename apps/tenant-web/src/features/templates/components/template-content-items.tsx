import type { ReactNode } from 'react';
import { Badge, formatWhatsAppText, humanize } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';

type Detail = RouterOutputs['templates']['byId'];

function Text({ children }: { children: string }) {
  return <span style={{ whiteSpace: 'pre-wrap' }}>{formatWhatsAppText(children)}</span>;
}

const BUTTON_LABELS: Record<string, string> = {
  QUICK_REPLY: 'Quick reply',
  URL: 'Website',
  PHONE_NUMBER: 'Call',
  COPY_CODE: 'Copy code',
  OTP: 'One-time code',
};

/** The components as written, and the variables a campaign must fill, as description rows. */
export function templateContentItems(template: Detail): { label: ReactNode; value: ReactNode }[] {
  const { header, body, footer, buttons = [] } = template.components;
  const variables = [...template.variables.header, ...template.variables.body, ...template.variables.buttons];
  const items: { label: ReactNode; value: ReactNode }[] = [];
  if (header) {
    items.push({
      label: 'Header',
      value:
        header.format === 'TEXT' ? (
          <Text>{header.text ?? ''}</Text>
        ) : (
          `${humanize(header.format)}${header.mediaExample ? ` · sample ${header.mediaExample}` : ''}`
        ),
    });
  }
  items.push({
    label: 'Body',
    value:
      template.category === 'AUTHENTICATION' ? (
        'Written by Meta: “{{1}} is your verification code.”'
      ) : (
        <Text>{body.text ?? ''}</Text>
      ),
  });
  if (footer?.text || footer?.codeExpirationMinutes) {
    items.push({
      label: 'Footer',
      value: footer.text ?? `This code expires in ${footer.codeExpirationMinutes} minutes.`,
    });
  }
  if (buttons.length) {
    items.push({
      label: 'Buttons',
      value: (
        <div className="ui-stack" style={{ gap: 4 }}>
          {buttons.map((b, i) => (
            <div key={i}>
              <Badge>{BUTTON_LABELS[b.type] ?? b.type}</Badge> {b.text ?? b.example ?? ''}
              {b.url && <span className="ui-muted ui-small"> · {b.url}</span>}
              {b.phoneNumber && <span className="ui-muted ui-small"> · {b.phoneNumber}</span>}
            </div>
          ))}
        </div>
      ),
    });
  }
  items.push({
    label: 'Variables',
    value: variables.length ? (
      <div className="ui-stack" style={{ gap: 4 }} data-testid="template-variables">
        {variables.map((v) => (
          <div key={v.key}>
            <code>
              {v.component === 'button'
                ? `button ${Number(v.buttonIndex) + 1}`
                : v.type === 'text'
                  ? `{{${v.name}}}`
                  : v.type}
            </code>
            <span className="ui-muted"> {v.component} · sample </span>
            {v.example ?? '—'}
          </div>
        ))}
      </div>
    ) : (
      <span className="ui-muted">None — every send is the same text.</span>
    ),
  });
  return items;
}
