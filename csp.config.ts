/**
 * The Content-Security-Policy the production build runs under (docs/deployment.md gives the nginx lines).
 * Everything is served by the app itself: scripts, the MapLibre worker, the mock service worker, styles, fonts.
 * A deployment whose data or tiles come from other origins adds them to connect-src and img-src.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The policy for a deployment that reads data from other origins (docs/providers.md, `sources`): the same policy
 * with those origins added to connect-src, and nothing else loosened.
 */
export function contentSecurityPolicyWith(connectOrigins: readonly string[]): string {
  return contentSecurityPolicy.replace(
    "connect-src 'self' data: blob:",
    ["connect-src 'self' data: blob:", ...connectOrigins.map((origin) => new URL(origin).origin)].join(' '),
  );
}
