import { Link } from '@tanstack/react-router';
import { AuthPage, Brand, NotFoundState } from '@dbulk/ui';

/** Inside the app shell (a nested route found nothing). */
export function NotFound() {
  return <NotFoundState action={<Link to="/tenants">Go to tenants</Link>} />;
}

/** No route matched at all: a page of its own. */
export function FullPageNotFound() {
  return (
    <AuthPage brand={<Brand suffix="Admin" />}>
      <NotFound />
    </AuthPage>
  );
}
