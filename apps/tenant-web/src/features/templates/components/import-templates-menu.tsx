import { DropdownMenu, ErrorBanner, Icon, MenuItem, MenuLabel, Notice } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import type { ImportMutation } from '../hooks/use-import-templates';

type Account = RouterOutputs['whatsapp']['list'][number];

const numberOf = (a: Account) =>
  a.displayPhoneNumber ? `+${a.displayPhoneNumber.replace(/^\+/, '')}` : a.phoneNumberId;

/** "Import from WhatsApp": one entry per connected number (its WABA's templates). */
export function ImportTemplatesMenu({
  accounts,
  mutation,
}: {
  accounts: Account[];
  mutation: ImportMutation;
}) {
  return (
    <DropdownMenu
      label="Import templates from WhatsApp"
      trigger={
        <span className="ui-row" style={{ gap: 8 }}>
          <Icon name="download" /> {mutation.isPending ? 'Importing…' : 'Import from WhatsApp'}
        </span>
      }
      triggerClassName="ui-button ui-button--secondary ui-button--md"
      testId="import-templates"
    >
      <MenuLabel>Import the templates of</MenuLabel>
      {accounts.length === 0 && (
        <MenuItem disabled icon={<Icon name="alert" />}>
          No connected number
        </MenuItem>
      )}
      {accounts.map((a) => (
        <MenuItem
          key={a.id}
          icon={<Icon name="chat" />}
          disabled={mutation.isPending || a.status !== 'connected'}
          onClick={() => mutation.mutate({ accountId: a.id })}
          data-testid={`import-from-${a.phoneNumberId}`}
        >
          {numberOf(a)}
          {a.verifiedName ? <span className="ui-muted"> · {a.verifiedName}</span> : null}
        </MenuItem>
      ))}
    </DropdownMenu>
  );
}

export function ImportResult({ mutation, accounts }: { mutation: ImportMutation; accounts: Account[] }) {
  if (mutation.error) return <ErrorBanner title="Import failed" error={mutation.error} />;
  const result = mutation.data;
  if (!result) return null;
  const account = accounts.find((a) => a.id === mutation.variables?.accountId);
  const parts = [
    `${result.created} new`,
    `${result.updated} updated`,
    `${result.unchanged} unchanged`,
    ...(result.skipped ? [`${result.skipped} skipped (unknown category or language)`] : []),
  ];
  return (
    <Notice tone="success" testId="import-result">
      <span>
        <strong>
          Imported {result.total} template{result.total === 1 ? '' : 's'}
          {account ? ` from ${numberOf(account)}` : ''}:
        </strong>{' '}
        {parts.join(', ')}.
      </span>
    </Notice>
  );
}
