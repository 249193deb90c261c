import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Badge } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

/** Top-bar reminder of the one setting that matters most, on every page. */
export function SendingStatusBadge() {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.system.settings.queryOptions(), refetchInterval: 15_000 });
  if (!data) return null;
  return (
    <Link to="/sending" style={{ textDecoration: 'none' }} data-testid="sending-status">
      {data.killSwitch.engaged ? (
        <Badge tone="danger">
          <span className="ui-badge__dot" aria-hidden="true" />
          Kill switch engaged — sending stopped
        </Badge>
      ) : (
        <Badge tone="success">
          <span className="ui-badge__dot" aria-hidden="true" />
          Sending on
        </Badge>
      )}
    </Link>
  );
}
