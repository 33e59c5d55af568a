import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, type OpenedPage } from './browser';
// The background as the base style declares it (src/map/base-style.ts), not as the running app reports it.
import { countNonBackgroundPixels, gridPixels, mapBackground } from './pixels';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The dashboard at `/`, opened once for the tests that only read it or walk on from it: a load costs seconds. */
let home: Promise<OpenedPage> | undefined;
const openHome = () => (home ??= openPage(browser, '/'));

/** Start of each request whose path matches, in ms since navigation (the page's own resource timing). */
const startsOf = (entries: [string, number][], pattern: RegExp) =>
  entries.filter(([name]) => pattern.test(new URL(name).pathname)).map(([, start]) => start);

describe('foundation, on the production build', () => {
  it('draws the map: the canvas has non-background pixels, counted from a screenshot', async () => {
    const { page, errors } = await openHome();
    const canvas = page.locator('.maplibregl-canvas');
    await canvas.waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    const shot = await canvas.screenshot();
    const { changed, total } = countNonBackgroundPixels(shot, mapBackground);
    expect(changed / total).toBeGreaterThan(0.05);
    // And what differs is the grids, in their types' fills: a blank or transparent canvas (the page showing
    // through) differs from the background too.
    expect(gridPixels(shot) / total).toBeGreaterThan(0.05);
    expect(errors).toEqual([]);
  });

  it('sends no request to any host but the page’s own', async () => {
    const { page, requests } = await openHome();
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    const origin = new URL(baseUrl()).origin;
    const foreign = requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
  });

  it('draws the grids before the review panel reads, and loads the charts’ code only for the panel', async () => {
    // Read from the shared page's own navigation, before any test asks for more (the next fetches the grids).
    const { page, errors } = await openHome();
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
    const readyMs = Number(await page.getAttribute('[data-map-ready]', 'data-map-ready-ms'));
    // The panel then fills in: figures, the trend chart and the sparklines, drawn by the lazily loaded Recharts.
    await page.locator('.trend-chart svg.recharts-surface').first().waitFor({ timeout: 120_000 });
    await page.locator('.kpi-card__sparkline svg.recharts-surface').first().waitFor();
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => [entry.name, entry.startTime] as [string, number]),
    );
    const grids = startsOf(entries, /^\/api\/grids$/);
    const indicators = startsOf(entries, /^\/api\/indicators$/);
    const cases = startsOf(entries, /^\/api\/cases$/);
    const charts = startsOf(entries, /^\/assets\/review-charts-[\w-]+\.js$/);
    expect(grids.length).toBe(1);
    expect(grids[0]).toBeLessThan(readyMs);
    // Current and previous period, and the period's cases: none asked before the map was drawn.
    expect(indicators.length).toBeGreaterThanOrEqual(2);
    expect(cases.length).toBeGreaterThanOrEqual(1);
    for (const start of [...indicators, ...cases]) expect(start).toBeGreaterThanOrEqual(readyMs);
    // The charts come in a chunk of their own, fetched when the panel first draws one.
    expect(charts.length).toBe(1);
    expect(charts[0]).toBeGreaterThanOrEqual(readyMs);
    expect(errors).toEqual([]);
  });

  it('is served by the in-page mock on the page’s own origin, with the real division tree', async () => {
    const { page, requests } = await openHome();
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    const counts = await page.evaluate(async () => {
      const regions = (await (await fetch('/api/regions')).json()) as {
        features: { properties: { level: string } }[];
      };
      const grids = (await (await fetch('/api/grids')).json()) as { features: unknown[] };
      const levels: Record<string, number> = {};
      for (const feature of regions.features)
        levels[feature.properties.level] = (levels[feature.properties.level] ?? 0) + 1;
      return {
        levels,
        grids: grids.features.length,
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(counts.levels).toEqual({ city: 1, district: 6, street: 77, community: 1729 });
    expect(counts.grids).toBeGreaterThan(4500);
    expect(counts.grids).toBeLessThan(4700);
    expect(counts.controlled).toBe(true);
    // The demo boundaries' source and licence note is credited in the map's attribution.
    await page.waitForFunction(() =>
      document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent.includes('仅供演示'),
    );
    const origin = new URL(baseUrl()).origin;
    const api = requests.filter((url) => url.includes('/api/'));
    expect(api.length).toBeGreaterThan(3);
    expect(
      requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
    ).toEqual([]);
  });

  it('explains a malformed config.json instead of showing a blank page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"title": "x", "api": ' }),
    );
    await page.goto(`${baseUrl()}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    const text = await alert.innerText();
    expect(text).toContain('config.json');
    expect(text).toMatch(/JSON/);
    await context.close();
  });

  it('names the wrong field of a valid-JSON but invalid configuration', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ api: { baseUrl: '/api' }, refreshSeconds: 'often' }),
      }),
    );
    await page.goto(`${baseUrl()}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain('refreshSeconds');
    await context.close();
  });

  it('puts the mode in the URL and walks back with the browser', async () => {
    const { page } = await openHome();
    await page.locator('.app-header__modes').waitFor();
    await page.getByRole('button', { name: '网格规划' }).click();
    await page.waitForURL((url) => url.pathname === '/planner');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.locator('.dashboard').count()).toBe(1);
  });

  // Last on the shared page: the language it chooses is kept.
  it('switches the UI language and keeps the choice across a reload', async () => {
    const { page } = await openHome();
    const nav = page.locator('.app-header__modes');
    await nav.waitFor();
    expect(await nav.innerText()).toContain('驾驶舱');
    await page.locator('.app-header__language select').selectOption('en');
    await page.waitForFunction(() =>
      document.querySelector('.app-header__modes')?.textContent.includes('Dashboard'),
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await nav.waitFor();
    expect(await nav.innerText()).toContain('Wall display');
  });
});
