import { isRole, type Role } from '../../contract/roles';

/** Who is signed in, as the header and the modes need it; the token stays inside the session. */
export interface Session {
  name: string;
  role: Role | null;
  /** The region or grid the role covers: the dashboard opens there. */
  scope: string | null;
  /** The embedded demo: nobody signed in, the whole city. */
  demo: boolean;
  /** The current access token, read at each request (silent renewal replaces it). */
  accessToken: () => string | null;
  signIn: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const demoSession: Session = {
  name: 'demo',
  role: 'city_leader',
  scope: null,
  demo: true,
  accessToken: () => null,
  signIn: () => Promise.resolve(),
  signOut: () => Promise.resolve(),
};

/** The roles the server knows; anything else is shown as no role. */
export const roleOf = (value: unknown): Role | null => (isRole(value) ? value : null);

/** Where the user was before signing in (the whole URL: mode, scope, view), restored after. */
export interface ReturnState {
  returnTo: string;
}

/** The same address, beside the sign-in's state, for what must be known before the session starts (below). */
export const returnKey = 'gridboard.signIn.returnTo';

export const isSignInReturn = (location: Pick<Location, 'search'>): boolean => {
  const search = new URLSearchParams(location.search);
  return search.has('code') && search.has('state');
};

/**
 * The page the user left for the provider, while the browser is back at the app's root with `?code=&state=`:
 * its `?config=` decides which configuration the page loads (a wall display's own, not the default). Not secret:
 * a same-origin URL of the dashboard, kept in sessionStorage for the seconds of the sign-in.
 */
export function pageBeforeSignIn(location: Pick<Location, 'search' | 'origin'>): URL | null {
  const kept = isSignInReturn(location) ? window.sessionStorage.getItem(returnKey) : null;
  if (!kept) return null;
  const page = new URL(kept, location.origin);
  return page.origin === location.origin ? page : null;
}
