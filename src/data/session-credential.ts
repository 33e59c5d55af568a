/**
 * The signed-in session's access token, sent as `Authorization: Bearer` to the dashboard's own server (the layers
 * served at api.baseUrl) and to no other source, read at each request so that a silently renewed token is used
 * at once. Set once at start-up (src/app/start.tsx); unset in the embedded demo.
 */
let credential: (() => string | null) | null = null;

export function setSessionCredential(read: (() => string | null) | null): void {
  credential = read;
}

/** Headers for a source: `headers` plus, for the dashboard's own server, the session's token as a live getter. */
export function withSessionCredential(
  headers: Record<string, string>,
  ownServer: boolean,
): Record<string, string> {
  const read = credential;
  if (!ownServer || !read) return headers;
  return Object.defineProperty({ ...headers }, 'Authorization', {
    enumerable: true,
    get: () => `Bearer ${read() ?? ''}`,
  });
}

/** The server refused the session: 401 (it ended) or 403 (not this user), for what and why. */
export interface Refusal {
  status: 401 | 403;
  layer: string;
  reason: string;
}

const refusalListeners = new Set<(refusal: Refusal) => void>();

/**
 * A refusal met outside the query cache (a plan's save): the session alert hears it as it hears a failed read,
 * so a planner whose session ended mid-edit is offered to sign in again, his draft kept.
 */
export function reportRefusal(refusal: Refusal): void {
  for (const listener of refusalListeners) listener(refusal);
}

export function onRefusal(listener: (refusal: Refusal) => void): () => void {
  refusalListeners.add(listener);
  return () => {
    refusalListeners.delete(listener);
  };
}
