/**
 * Where to go after signing in: only a path on this site (never `//evil.example` or a full URL),
 * so a crafted `?redirect=` cannot send people elsewhere.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/sign-up')) return fallback;
  return value;
}
