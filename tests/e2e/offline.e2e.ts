import { mkdirSync, writeFileSync } from 'node:fs';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi } from '../../mocks/api/handlers';
import { loadDemoCity } from '../../mocks/node';
import { baseUrl, launchBrowser } from './browser';
import { startDataServer, type DataServer } from './offline-server';
import { gridPixels } from './pixels';

/**
 * Installable and resilient on a weak network: a production deployment (the build, `mock: false`, data from an
 * HTTP API on 127.0.0.1) opened once on a phone, then offline: the reload comes from the app's service worker and
 * shows the last data, with its data time and the stale badge. In demo mode the app's worker stays away, and
 * MSW's worker is the page's.
 */
let browser: Browser;
let deployment: DataServer;
let deploymentConfig: Record<string, unknown>;
beforeAll(async () => {
  browser = await launchBrowser();
  const shipped = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Record<string, unknown>;
  const city = await loadDemoCity();
  deploymentConfig = { ...shipped, mock: false, api: { baseUrl: '/api', headers: {} } };
  deployment = await startDataServer(
    baseUrl(),
    deploymentConfig,
    (origin) => createMockApi({ city, baseUrl: `${origin}/api`, validateResponses: false }).handlers,
  );
});
afterAll(async () => {
  await browser.close();
  await deployment.close();
});

const map = (page: Page) => page.locator('.dashboard__map .grid-map');
const dataTime = (page: Page) => page.locator('.app-header__data-time');

/** The query keys the kept data holds (kept-data.ts's IndexedDB store), read by the page itself. */
const keptKeys = (page: Page): Promise<string[]> =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('gridboard-kept-data');
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('queries')) {
            resolve([]);
            return;
          }
          const keys = db.transaction('queries').objectStore('queries').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => resolve([]);
        };
      }),
  );

describe('offline on a phone', () => {
  it('the manifest names the app and its icon, the display is standalone', async () => {
    const html = await (await fetch(`${deployment.origin}/`)).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const manifest = (await (await fetch(`${deployment.origin}/${href!.replace(/^\//, '')}`)).json()) as {
      name: string;
      display: string;
      start_url: string;
      icons: { src: string }[];
    };
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    expect(manifest.name).toContain('Gridboard');
    expect((await fetch(`${deployment.origin}${manifest.icons[0]!.src}`)).ok).toBe(true);
  });

  it('reloaded offline, the app shell loads and shows the last data with its data time and the stale badge', async () => {
    const context = await browser.newContext({
      ...devices['Pixel 7'],
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${deployment.origin}/?layers=grids`);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 90_000 });
    expect(deployment.apiRequests()).toBeGreaterThan(0);
    // The app's own worker (not MSW's) is installed: its precache is complete once it is active.
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(worker).toBe(`${deployment.origin}/sw.js`);
    await expect
      .poll(() => keptKeys(page), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['["grids"]', '["meta"]', '["regions"]']));
    expect(await keptKeys(page)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^\["cases"/)]));
    const shownTime = (await dataTime(page).textContent())!;
    expect(shownTime).toMatch(/\d{2}:\d{2}/);
    expect(await page.locator('.app-header__stale').count()).toBe(0);
    const gridsOnline = gridPixels(await map(page).screenshot());
    expect(gridsOnline).toBeGreaterThan(5_000);

    await context.setOffline(true);
    await page.reload();
    // The network is off: the page, its scripts and its configuration come from the worker's caches.
    const badge = page.locator('.app-header__stale');
    await badge.waitFor({ timeout: 60_000 });
    // "offline" where the browser says so; Chromium 150 reports navigator.onLine true on a reload under Playwright's
    // emulated offline, and the page then says what it can see: the source is not answering.
    expect(['offline', 'failed']).toContain(await badge.getAttribute('data-stale'));
    expect(await badge.getAttribute('role')).toBe('status');
    expect(await badge.textContent()).toContain(shownTime.replace(/^\D+/, ''));
    expect(await dataTime(page).textContent()).toBe(shownTime);
    // The kept grids are drawn: the grid fill covers the map as it did online.
    await expect
      .poll(async () => gridPixels(await map(page).screenshot()), { timeout: 60_000 })
      // Most of it: with the browser saying online, the unreachable source's alerts sit over part of the map.
      .toBeGreaterThan(gridsOnline * 0.6);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${deployment.origin}/sw.js`,
    );
    expect(errors).toEqual([]);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/offline-phone.png', await page.screenshot());
    await context.close();
  });

  it('a page under the worker reads the configuration it is served, not one the worker fetched for it', async () => {
    // The page's own requests are what a fixture (page.route here, any in-page interception elsewhere) answers; a
    // worker that fetched the configuration itself got the server's file instead: another title, and with it
    // another data source's figures under this view (the province journey counted the demo city's cases).
    const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN' });
    const page = await context.newPage();
    let served = 0;
    await page.route('**/config.json', (route) => {
      served += 1;
      return route.fulfill({ json: { ...deploymentConfig, title: '路由所给的部署' } });
    });
    await page.goto(`${deployment.origin}/?layers=grids`);
    await expect.poll(() => page.title(), { timeout: 60_000 }).toBe('路由所给的部署');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(
      `${deployment.origin}/sw.js`,
    );
    await page.goto(`${deployment.origin}/?layers=grids&window=30d`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${deployment.origin}/sw.js`,
    );
    await expect.poll(() => page.title(), { timeout: 60_000 }).toBe('路由所给的部署');
    expect(served).toBe(2);
    await context.close();
  });

  it('in demo mode the page keeps MSW’s worker, not the app shell’s', async () => {
    const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/?layers=grids`);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 90_000 });
    const workers = await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map(
        (registration) => registration.active?.scriptURL,
      ),
    );
    expect(workers).toEqual([`${baseUrl()}/mockServiceWorker.js`]);
    await context.close();
  });
});
