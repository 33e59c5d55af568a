import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { isRole, type Role } from '../../contract/roles';
import type { AuthConfig } from '../../domain/runtime-config';

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
const roleOf = (value: unknown): Role | null => (isRole(value) ? value : null);

/**
 * Token storage: in memory only (oidc-client-ts's InMemoryWebStorage), not localStorage or sessionStorage, so a
 * script injected into the page later, or the next person at a shared screen, finds no token at rest. A reload
 * signs in again through the provider, whose own session cookie makes that a redirect without a password.
 * Only the PKCE verifier and state of a sign-in in progress sit in sessionStorage, for the few seconds of it.
 */
function managerOf(auth: AuthConfig): UserManager {
  // One address to register at the provider, whatever page (dashboard, /planner, /wall) started the sign-in:
  // the app's root. Where the user was travels in the sign-in's state and is put back on return.
  const here = new URL(import.meta.env.BASE_URL, window.location.origin).href;
  return new UserManager({
    authority: auth.issuer,
    client_id: auth.clientId,
    scope: auth.scopes,
    redirect_uri: here,
    post_logout_redirect_uri: here,
    response_type: 'code',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Where the user was before signing in (the whole URL: mode, scope, view), restored after. */
interface ReturnState {
  returnTo: string;
}

/** The same address, beside the sign-in's state, for what must be known before the session starts (below). */
const returnKey = 'gridboard.signIn.returnTo';

const isSignInReturn = (location: Pick<Location, 'search'>): boolean => {
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

/**
 * The signed-in session, or null while the browser is being sent to the provider. A return from the provider
 * (`?code=&state=`) is completed here and the URL put back as it was, so the code never stays in the address bar
 * or the history.
 */
export async function startSession(auth: AuthConfig): Promise<Session | null> {
  const manager = managerOf(auth);
  const url = new URL(window.location.href);
  let user: User | null = null;
  if (isSignInReturn(url)) {
    user = await manager.signinRedirectCallback();
    window.sessionStorage.removeItem(returnKey);
    const { returnTo } = (user.state ?? {}) as Partial<ReturnState>;
    window.history.replaceState(
      null,
      '',
      returnTo?.startsWith(window.location.origin) ? returnTo : url.pathname,
    );
  } else {
    user = await manager.getUser();
  }
  const signIn = () => {
    window.sessionStorage.setItem(returnKey, window.location.href);
    return manager.signinRedirect({ state: { returnTo: window.location.href } satisfies ReturnState });
  };
  if (!user || user.expired) {
    await signIn();
    return null;
  }
  let current: User = user;
  manager.events.addUserLoaded((renewed) => {
    current = renewed;
  });
  const profile = current.profile as Record<string, unknown>;
  return {
    name: typeof profile.name === 'string' ? profile.name : current.profile.sub,
    role: roleOf(profile.gridboard_role),
    scope: typeof profile.gridboard_scope === 'string' ? profile.gridboard_scope : null,
    demo: false,
    accessToken: () => (current.expired ? null : current.access_token),
    signIn,
    signOut: () => manager.signoutRedirect(),
  };
}
