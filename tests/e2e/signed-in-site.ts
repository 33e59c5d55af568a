import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { contentSecurityPolicyWith } from '../../csp.config';
import {
  startIdentityProvider,
  type IdentityProvider,
  type TestUser,
} from '../../server/dev/identity-provider';
import { startNginx, type Nginx } from '../../server/dev/nginx';
import { freePort } from '../../server/dev/postgres-cluster';
import { buildServer } from '../../server/src/app';
import { audience, clientId } from '../server/access-fixture';

/** A city signed in at its own provider: nginx (the build, config.json, /api), one server instance, the provider. */
export interface SignedInSite {
  origin: string;
  issuer: string;
  nginx: Nginx;
  stop: () => Promise<void>;
}

/**
 * The deployment of docs/security.md on 127.0.0.1: the provider knows the dashboard's address (its root) before
 * nginx starts, and nginx's policy lets the page reach the provider's token endpoint.
 */
export async function startSignedInSite(
  databaseUrl: string,
  users: readonly TestUser[],
): Promise<SignedInSite> {
  const [sitePort, serverPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${sitePort}`;
  const provider: IdentityProvider = await startIdentityProvider({
    users,
    clientId,
    redirectUris: [`${origin}/`],
    postLogoutRedirectUris: [`${origin}/`],
    audience,
  });
  let app: FastifyInstance | undefined;
  try {
    app = await buildServer({
      databaseUrl,
      host: '127.0.0.1',
      port: serverPort,
      basePath: '/api',
      bodyLimitBytes: 8 * 1024 * 1024,
      retryAfterSeconds: 2,
      auth: {
        mode: 'oidc',
        issuer: provider.issuer,
        audience,
        roleClaim: 'gridboard_role',
        scopeClaim: 'gridboard_scope',
      },
    });
    await app.listen({ host: '127.0.0.1', port: serverPort });
    const outDir = resolve(process.env.GRIDBOARD_DIST ?? 'dist');
    const built = JSON.parse(readFileSync(`${outDir}/config.json`, 'utf8')) as Record<string, unknown>;
    const nginx = await startNginx({
      port: sitePort,
      upstreams: [`127.0.0.1:${serverPort}`],
      root: outDir,
      config: {
        ...built,
        mock: false,
        api: { baseUrl: '/api' },
        auth: { issuer: provider.issuer, clientId, scopes: 'openid profile' },
      },
      policy: contentSecurityPolicyWith([provider.issuer]),
    });
    const server = app;
    return {
      origin,
      issuer: provider.issuer,
      nginx,
      stop: async () => {
        await nginx.stop();
        await server.close();
        await provider.stop();
      },
    };
  } catch (error) {
    await app?.close();
    await provider.stop();
    throw error;
  }
}

/** The tokens the provider's token endpoint handed the page (read off the wire, not from the page). */
export interface IssuedTokens {
  access: string[];
  id: string[];
  refresh: string[];
}

/** One person's browser, signed in: what it sent and printed, for the checks that no token leaks. */
export interface SignedInBrowser {
  context: BrowserContext;
  page: Page;
  tokens: IssuedTokens;
  /** The newest access token: the user's own credential for the requests he crafts. */
  accessToken: () => string;
  /** Every request URL of every page and frame, the provider's included. */
  urls: string[];
  console: string[];
  errors: string[];
  /** The answers of /api read as text (JSON ones), by URL. */
  answers: Map<string, string>;
}

/**
 * Open `path` in a fresh browser (no cookies, no storage) and sign in as `user` through the provider's own login
 * form, as a person would; resolves once the dashboard is back on its origin.
 */
export async function signInInBrowser(
  browser: Browser,
  site: SignedInSite,
  user: TestUser,
  path: string,
): Promise<SignedInBrowser> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const signedIn: SignedInBrowser = {
    context,
    page: await context.newPage(),
    tokens: { access: [], id: [], refresh: [] },
    accessToken: () => {
      const token = signedIn.tokens.access.at(-1);
      if (!token) throw new Error(`no access token was issued to ${user.login}`);
      return token;
    },
    urls: [],
    console: [],
    errors: [],
    answers: new Map(),
  };
  const { page, tokens } = signedIn;
  context.on('request', (request) => signedIn.urls.push(request.url()));
  context.on('console', (message) => signedIn.console.push(message.text()));
  page.on('pageerror', (error) => signedIn.errors.push(error.message));
  context.on('response', (response) => {
    const url = response.url();
    if (url === `${site.issuer}/token` && response.request().method() === 'POST')
      void response.json().then((body: Record<string, unknown>) => {
        if (typeof body.access_token === 'string') tokens.access.push(body.access_token);
        if (typeof body.id_token === 'string') tokens.id.push(body.id_token);
        if (typeof body.refresh_token === 'string') tokens.refresh.push(body.refresh_token);
      });
    else if (url.startsWith(`${site.origin}/api/`) && /json/.test(response.headers()['content-type'] ?? ''))
      void response.text().then(
        (text) => signedIn.answers.set(url, text),
        () => undefined,
      );
  });
  await page.goto(`${site.origin}${path}`);
  await fillLoginForm(page, site, user);
  return signedIn;
}

/** The provider's page: user name, password, 登录; then back at the dashboard with a token in hand. */
export async function fillLoginForm(page: Page, site: SignedInSite, user: TestUser): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(`${site.issuer}/interaction/`), { timeout: 30_000 });
  await page.getByLabel('用户名').fill(user.login);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.href.startsWith(site.origin), { timeout: 30_000 });
}

/** Everything a token could leak into, as text: URLs, the console, both storages and the cookies. */
export async function leakSurfaces(signedIn: SignedInBrowser): Promise<Record<string, string>> {
  const storage = await Promise.all(
    signedIn.context.pages().map((page) =>
      page.evaluate(() => {
        const dump = (store: Storage) =>
          Object.keys(store).map((key) => `${key}=${store.getItem(key) ?? ''}`);
        return [...dump(window.localStorage), ...dump(window.sessionStorage)].join('\n');
      }),
    ),
  );
  const cookies = await signedIn.context.cookies();
  return {
    urls: signedIn.urls.join('\n'),
    console: signedIn.console.join('\n'),
    storage: storage.join('\n'),
    cookies: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('\n'),
  };
}
