import * as oidc from 'openid-client';
import type { TestUser } from '../../server/dev/identity-provider';

export interface Tokens {
  accessToken: string;
  idToken: string;
}

/** The cookies of one browser session with the provider (name → value; every path is the provider's). */
type Jar = Map<string, string>;

async function visit(jar: Jar, url: string, form?: URLSearchParams): Promise<Response> {
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form,
  });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return response;
}

/**
 * Sign `user` in as the dashboard does: authorization code + PKCE, the relying party's side done by openid-client
 * (the provider's own author's library), the person's side (the login form) by posting it as a browser would.
 */
export async function signIn(
  issuer: string,
  clientId: string,
  redirectUri: string,
  user: Pick<TestUser, 'login' | 'password'>,
): Promise<Tokens> {
  const config = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.None(), {
    // The test provider is plain HTTP on 127.0.0.1 (tests listen on no other address); a city's is HTTPS.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    execute: [oidc.allowInsecureRequests],
  });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  let url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  }).href;
  const jar: Jar = new Map();
  for (let hop = 0; hop < 10 && !url.startsWith(redirectUri); hop += 1) {
    const login = url.includes('/interaction/') ? new URLSearchParams({ ...user }) : undefined;
    const response = await visit(jar, url, login);
    const location = response.headers.get('location');
    if (!location) throw new Error(`${url}: ${response.status} without a redirect: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  const tokens = await oidc.authorizationCodeGrant(config, new URL(url), {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  if (!tokens.id_token) throw new Error('no ID token');
  return { accessToken: tokens.access_token, idToken: tokens.id_token };
}
