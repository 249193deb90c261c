import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Card, EmptyState, ErrorBanner, fieldErrorOf, Icon, TextField } from '@dbulk/ui';
import { useTRPC, type RouterOutputs } from '../../../lib/trpc';
import { numberTitle } from '../utils/account-facts';
import { TemplatePicker } from './template-picker';
import { TestMessagePreview } from './test-message-preview';
import { TestMessageStatus } from './test-message-status';

type Account = RouterOutputs['whatsapp']['byId'];

/** What to send: a template by name and language, and its body variables in order. */
export interface TestTemplate {
  /** Set when chosen from dbulk's templates (its preview can be drawn). */
  templateId?: string;
  name: string;
  language: string;
  /** Body variables in the order Meta expects; `name` only for NAMED templates. */
  variables: { name: string; label: string; example: string | null; named: boolean }[];
  /** Needs header or button values, which a test does not send. */
  unsupported?: boolean;
}

interface Sent {
  wamid: string;
  sentAt: number;
  to: string;
}

/**
 * Sends one approved template to one phone and follows its statuses live. Members and above may
 * send; viewers see the panel disabled with the reason.
 */
export function TestMessagePanel({ account, canSend }: { account: Account; canSend: boolean }) {
  const trpc = useTRPC();
  const [template, setTemplate] = useState<TestTemplate | null>(null);
  const [values, setValues] = useState<string[]>([]);
  const [to, setTo] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const send = useMutation(trpc.whatsapp.sendTest.mutationOptions());
  const connected = account.status === 'connected';
  const disabled = !canSend || !connected;

  const chooseTemplate = (next: TestTemplate) => {
    setTemplate(next);
    // A new template starts from its samples; the same one keeps what was typed.
    setValues((current) =>
      next.variables.map(
        (v, i) => (next.templateId === template?.templateId ? current[i] : undefined) ?? v.example ?? '',
      ),
    );
    send.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!template) return;
    const recipient = to.trim();
    send.mutate(
      {
        accountId: account.id,
        to: recipient,
        templateName: template.name.trim(),
        language: template.language.trim(),
        bodyParameters: template.variables.map((v, i) => ({
          ...(v.named ? { name: v.name } : {}),
          value: values[i] ?? '',
        })),
      },
      { onSuccess: (result) => setSent({ wamid: result.wamid, sentAt: Date.now(), to: recipient }) },
    );
  };

  return (
    <Card
      title="Test message"
      description="Send one approved template to a phone and watch Meta’s statuses arrive through the webhook path."
      data-testid="test-message-panel"
    >
      <div className="ui-grid ui-grid--2" style={{ alignItems: 'start', gap: 28 }}>
        <form onSubmit={onSubmit} noValidate className="ui-stack">
          {send.error && <ErrorBanner error={send.error} />}
          <TemplatePicker accountId={account.id} onChange={chooseTemplate} disabled={disabled} />
          {template?.variables.map((variable, index) => (
            <TextField
              key={`${template.name}-${variable.name}`}
              label={variable.label}
              required
              disabled={disabled}
              placeholder={variable.example ?? undefined}
              value={values[index] ?? ''}
              onChange={(e) =>
                setValues((current) => current.map((value, i) => (i === index ? e.target.value : value)))
              }
              data-testid={`test-variable-${variable.name}`}
            />
          ))}
          <TextField
            label="Send to"
            type="tel"
            required
            disabled={disabled}
            placeholder="+14155550123"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            hint="A WhatsApp number in international format. It must have opted in to messages from you."
            error={fieldErrorOf(send.error, 'to')}
            data-testid="test-to"
          />
          <div className="ui-row">
            <Button
              type="submit"
              variant="primary"
              icon={<Icon name="send" />}
              disabled={disabled || !template}
              loading={send.isPending}
              data-testid="test-send"
            >
              Send test message
            </Button>
            {!canSend && <span className="ui-muted ui-small">Viewers cannot send messages.</span>}
            {canSend && !connected && (
              <span className="ui-muted ui-small">Re-validate the number before sending.</span>
            )}
          </div>
        </form>
        <div className="ui-stack">
          {template?.templateId && (
            <TestMessagePreview
              templateId={template.templateId}
              values={values}
              names={template.variables.map((v) => v.name)}
              businessName={account.verifiedName ?? numberTitle(account)}
            />
          )}
          {sent ? (
            <TestMessageStatus key={sent.wamid} wamid={sent.wamid} sentAt={sent.sentAt} to={sent.to} />
          ) : template?.templateId ? null : (
            <EmptyState
              icon="activity"
              title="Statuses appear here"
              description="Accepted by Meta, then sent, delivered and read as the webhooks arrive — or failed with Meta’s error."
            />
          )}
        </div>
      </div>
    </Card>
  );
}
