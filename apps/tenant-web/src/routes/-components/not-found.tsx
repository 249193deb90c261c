import { Link } from '@tanstack/react-router';
import { Brand, EmptyState } from '@dbulk/ui';

/** Inside the app shell (a nested route found nothing). */
export function NotFound() {
  return (
    <EmptyState
      icon="search"
      title="Page not found"
      description="The address may be mistyped, or the page has moved."
      action={<Link to="/">Go to the dashboard</Link>}
    />
  );
}

/** No route matched at all: a page of its own. */
export function FullPageNotFound() {
  return (
    <div className="ui-auth-page">
      <div className="ui-auth-page__brand">
        <Brand />
      </div>
      <div className="ui-auth-card">
        <NotFound />
      </div>
    </div>
  );
}
