import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Role } from '../src/auth/access';

/** A person of the test city: signs in with `login` and `password`, holds one role over one region or grid. */
export interface TestUser {
  login: string;
  password: string;
  name: string;
  role: Role;
  scope: string;
  /**
   * A session that ends soon and cannot be renewed (the browser journey of an expired session): access tokens
   * this short-lived and no refresh token.
   */
  accessTokenSeconds?: number;
}

export interface IdentityProviderOptions {
  users: readonly TestUser[];
  /** The dashboard: a public client (no secret), authorization code + PKCE. */
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** The API's identifier: the `aud` of the access tokens, which are JWTs signed with the provider's key. */
  audience: string;
  accessTokenSeconds?: number;
}

export interface IdentityProvider {
  issuer: string;
  stop: () => Promise<void>;
}

const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证</title></head><body>${body}</body></html>`;
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID Connect provider (`oidc-provider`, a certified implementation) on 127.0.0.1 and a free port,
 * with a login page for the given users: what the tests and the browser journeys sign in against. The role and
 * scope travel as the claims `gridboard_role` and `gridboard_scope`, in the ID token (the dashboard's header and
 * starting scope) and in the access token (what the server enforces).
 */
export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const byLogin = new Map(options.users.map((user) => [user.login, user]));
  let provider: Provider | null = null;
  const server = createServer((request, response) => {
    if (!provider) return void response.writeHead(503).end();
    if (request.url?.startsWith('/interaction/')) void interaction(provider, request, response);
    else void provider.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const key = { ...(await exportJWK(privateKey)), kid: 'test-signing', use: 'sig', alg: 'RS256' };
  const claimsOf = (user: TestUser) => ({
    sub: user.login,
    name: user.name,
    gridboard_role: user.role,
    gridboard_scope: user.scope,
  });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [key] },
    cookies: { keys: ['a test provider on 127.0.0.1 only'] },
    claims: { openid: ['sub'], profile: ['name', 'gridboard_role', 'gridboard_scope'] },
    findAccount: (_ctx, id) => {
      const user = byLogin.get(id);
      return user ? { accountId: id, claims: () => claimsOf(user) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Every token is for the API: the client needs no `resource` parameter.
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'api',
          audience: options.audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.accessTokenSeconds ?? 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // A first-party dashboard: no consent screen, the grant is made at sign-in.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider: self } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return self.Grant.find(existing);
      const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addOIDCClaims(['name', 'gridboard_role', 'gridboard_scope']);
      grant.addResourceScope(options.audience, 'api');
      await grant.save();
      session.ensureClientContainer(client.clientId);
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    ttl: {
      AccessToken: (_ctx, token) =>
        ('accountId' in token ? byLogin.get(token.accountId)?.accessTokenSeconds : undefined) ??
        token.resourceServer?.accessTokenTTL ??
        600,
    },
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') &&
      byLogin.get(code.accountId ?? '')?.accessTokenSeconds === undefined,
    extraTokenClaims: (_ctx, token) => {
      const user = 'accountId' in token ? byLogin.get(token.accountId) : undefined;
      return user ? claimsOf(user) : undefined;
    },
    pkce: { required: () => true },
  };
  provider = new Provider(issuer, configuration);

  async function interaction(self: Provider, request: IncomingMessage, response: ServerResponse) {
    try {
      const details = await self.interactionDetails(request, response);
      if (request.method === 'POST') {
        const form = await formOf(request);
        const user = byLogin.get(form.get('login') ?? '');
        if (!user || user.password !== form.get('password')) {
          response.writeHead(401, { 'content-type': 'text/html; charset=utf-8' });
          response.end(page(`<p role="alert">用户名或密码错误</p>${loginForm(details.uid)}`));
          return;
        }
        await self.interactionFinished(request, response, { login: { accountId: user.login } });
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page(loginForm(details.uid)));
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    }
  }

  const loginForm = (uid: string) =>
    `<form method="post" action="/interaction/${escape(uid)}"><h1>统一身份认证</h1>
      <label>用户名 <input name="login" autocomplete="username"></label>
      <label>密码 <input name="password" type="password" autocomplete="current-password"></label>
      <button type="submit">登录</button></form>`;

  return {
    issuer,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
