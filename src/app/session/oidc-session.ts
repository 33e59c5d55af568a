import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { AuthConfig } from '../../domain/runtime-config';
import { isSignInReturn, returnKey, roleOf, type ReturnState, type Session } from './session';

/*
 * The sign-in with an OpenID Connect provider, in a module of its own: start.tsx imports it only when the
 * configuration names a provider, so the demo and anonymous deployments never download oidc-client-ts.
 */

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
