import { Link } from '@tanstack/react-router';
import { AuthPage, NotFoundState } from '@dbulk/ui';

/** Inside the app shell (a nested route found nothing). */
export function NotFound() {
  return <NotFoundState action={<Link to="/">Go to the dashboard</Link>} />;
}

/** No route matched at all: a page of its own. */
export function FullPageNotFound() {
  return (
    <AuthPage>
      <NotFound />
    </AuthPage>
  );
}
