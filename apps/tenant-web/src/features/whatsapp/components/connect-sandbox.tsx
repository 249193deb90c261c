import { Button, ErrorBanner, Icon, Notice } from '@dbulk/ui';
import type { ConnectSandboxMutation } from '../hooks/use-connect-sandbox';
import { numberTitle } from '../utils/account-facts';

/**
 * One click to a number of the Meta sandbox, with real approval delays and webhooks. Shown
 * always; when the deployment has no sandbox the api says so and the result below shows it.
 */
export function ConnectSandboxButton({
  mutation,
  variant = 'secondary',
  testId = 'connect-sandbox',
}: {
  mutation: ConnectSandboxMutation;
  variant?: 'primary' | 'secondary';
  testId?: string;
}) {
  return (
    <Button
      variant={variant}
      icon={<Icon name="server" />}
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
      data-testid={testId}
    >
      Connect the sandbox number
    </Button>
  );
}

export function ConnectSandboxResult({ mutation }: { mutation: ConnectSandboxMutation }) {
  if (mutation.error)
    return <ErrorBanner title="The sandbox number could not be connected" error={mutation.error} />;
  if (!mutation.data) return null;
  return (
    <Notice tone="success" testId="sandbox-connected">
      <span>
        <strong>{numberTitle(mutation.data)}</strong> is connected in sandbox mode. It reaches no real phones:
        the sandbox reviews templates after a short delay and reports sent, delivered and read like WhatsApp.
      </span>
    </Notice>
  );
}
