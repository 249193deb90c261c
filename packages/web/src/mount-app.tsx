import { RouterProvider, type AnyRouter } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Renders an app's router into index.html's `#root`. StrictMode's development-only double
 * effects are what catch a missing cleanup (a subscription, a listener) before users do.
 */
export function mountApp(router: AnyRouter, elementId = 'root'): void {
  const root = document.getElementById(elementId);
  if (!root) throw new Error(`index.html has no #${elementId} element`);

  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
