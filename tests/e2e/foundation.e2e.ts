import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser';
// The background as the base style declares it (src/map/base-style.ts), not as the running app reports it.
import { countNonBackgroundPixels, gridPixels, mapBackground } from './pixels';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('foundation, on the production build', () => {
  it('draws the map: the canvas has non-background pixels, counted from a screenshot', async () => {
    const { page, context, errors } = await openPage(browser, '/');
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
    await context.close();
  });

  it('sends no request to any host but the page’s own', async () => {
    const { page, context, requests } = await openPage(browser, '/');
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    const origin = new URL(baseUrl()).origin;
    const foreign = requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    await context.close();
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

  it('switches the UI language and keeps the choice across a reload', async () => {
    const { page, context } = await openPage(browser, '/');
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
    await context.close();
  });

  it('puts the mode in the URL and walks back with the browser', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.locator('.app-header__modes').waitFor();
    await page.getByRole('button', { name: '网格规划' }).click();
    await page.waitForURL((url) => url.pathname === '/planner');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.locator('.dashboard').count()).toBe(1);
    await context.close();
  });
});
