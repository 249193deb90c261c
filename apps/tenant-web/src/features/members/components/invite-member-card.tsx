import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button, Card, ErrorBanner, fieldErrorOf, Icon, Notice, Select, TextField } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import { INVITABLE_ROLES, ROLE_DESCRIPTIONS } from '../utils/permissions';

type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Invite by email; the api returns an accept link the inviter copies and sends (no email yet). */
export function InviteMemberCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitableRole>('member');
  const [copied, setCopied] = useState(false);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async () => {
        setEmail('');
        setCopied(false);
        await queryClient.invalidateQueries(trpc.members.invitations.queryFilter());
      },
    }),
  );
  const link = invite.data ? new URL(invite.data.acceptPath, window.location.origin).toString() : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), role });
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Card title="Invite a member" description="They get the role you choose once they accept.">
      <form onSubmit={onSubmit} noValidate className="ui-stack">
        {invite.error && <ErrorBanner error={invite.error} />}
        <div className="ui-grid" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)' }}>
          <TextField
            label="Email"
            type="email"
            placeholder="colleague@company.com"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldErrorOf(invite.error, 'email')}
            data-testid="invite-email"
          />
          <Select
            label="Role"
            value={role}
            onChange={(e) => setRole(e.target.value as InvitableRole)}
            options={INVITABLE_ROLES.map((r) => ({ value: r, label: r.charAt(0).toUpperCase() + r.slice(1) }))}
            error={fieldErrorOf(invite.error, 'role')}
            data-testid="invite-role"
          />
        </div>
        <p className="ui-muted ui-small">{ROLE_DESCRIPTIONS[role]}.</p>
        <div>
          <Button type="submit" variant="primary" icon={<Icon name="plus" />} loading={invite.isPending} data-testid="invite-submit">
            Create invitation
          </Button>
        </div>
        {link && (
          <Notice tone="success" testId="invite-result">
            <strong>Invitation created.</strong> Send this link to the invitee; it works once.
            <div className="ui-row" style={{ marginTop: 8, flexWrap: 'nowrap' }}>
              <input
                className="ui-input ui-mono"
                readOnly
                value={link}
                onFocus={(e) => e.currentTarget.select()}
                aria-label="Invitation link"
                data-testid="invite-link"
              />
              <Button size="md" icon={<Icon name={copied ? 'check' : 'copy'} />} onClick={() => void copy()}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            </div>
          </Notice>
        )}
      </form>
    </Card>
  );
}
