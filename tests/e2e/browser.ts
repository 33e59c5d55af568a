import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Launch options settled on for Debian's Chromium, headless, as root, with no GPU: the defaults plus
 * --no-sandbox give WebGL2 through ANGLE on SwiftShader. The background-networking flags stop Chromium from
 * calling home (the machine has no internet, and a test must see only the page's own requests).
 * Never add --disable-gpu / --disable-software-rasterizer / --disable-webgl: they take WebGL away.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist',
  ],
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Every request URL the page made, for the "no request leaves the origin" checks. */
  requests: string[];
  /** Uncaught exceptions and console errors, so a journey can assert there were none. */
  errors: string[];
}

export async function openPage(
  browser: Browser,
  path: string,
  viewport = { width: 1600, height: 1000 },
  /** A script to run in every document before the app's own (Playwright's init script): test hooks. */
  initScript?: () => void,
  /** Routes and the like to set on the context before the first load (each reload of the demo city costs seconds). */
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (prepare) await prepare(context);
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl()}${path}`);
  return { context, page, requests, errors };
}
