/**
 * The Content-Security-Policy the production build runs under (docs/deployment.md gives the nginx lines).
 * Everything is served by the app itself: scripts, the MapLibre worker, the mock service worker, styles, fonts.
 * A deployment whose data or tiles come from other origins adds them to connect-src and img-src. Camera video plays
 * from the app's own origin and, through hls.js, from the blob: URLs of Media Source Extensions; a city's video
 * platform is added to media-src (and connect-src, where hls.js fetches the playlist) from `video.mediaOrigins`.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The policy for a deployment that reads data from other origins (docs/providers.md, `sources`): the same policy
 * with those origins added to connect-src, and nothing else loosened.
 */
export function contentSecurityPolicyWith(
  connectOrigins: readonly string[],
  /** The configured `video.mediaOrigins`: media-src for the native player, connect-src for hls.js's fetches. */
  mediaOrigins: readonly string[] = [],
): string {
  const originsOf = (urls: readonly string[]) => urls.map((url) => new URL(url).origin);
  const connect = [...new Set([...originsOf(connectOrigins), ...originsOf(mediaOrigins)])];
  return contentSecurityPolicy
    .replace("connect-src 'self' data: blob:", ["connect-src 'self' data: blob:", ...connect].join(' '))
    .replace("media-src 'self' blob:", ["media-src 'self' blob:", ...originsOf(mediaOrigins)].join(' '));
}
