import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretToken, wireFaults, type WireFault } from '../faults/catalogue';
import { baseUrl, launchBrowser } from './browser';
import { countNonBackgroundPixels } from './pixels';
import { reconnect as reconnectPage, serveConfig } from './reconfigure';

/**
 * The fault catalogue in the browser, on ONE dashboard: the cameras layer reads from /fault-feed (routed here),
 * everything else from the in-page mock. Per case the feed switches to the fault and the page is told the network
 * came back (the `online` event, on which TanStack Query refetches stale layers); the test then reads the alert,
 * checks the other layers, switches the feed back to healthy and waits for the alert to go away without touching
 * the page: recovery is the app's own.
 */
const feedPath = '/fault-feed';
const background: [number, number, number] = [236, 240, 243];
const tokenValue = secretToken.split(' ')[1]!;
const browserFaults = wireFaults.filter((fault) => fault.layer === 'cameras');

let browser: Browser;
let page: Page;
let healthyCameras: string;
let current: WireFault | null = null;
let served = 0;
const errors: string[] = [];
const consoleLines: string[] = [];
const requests: string[] = [];

async function answer(route: Route): Promise<void> {
  const fault = current;
  served += 1;
  if (!fault) {
    await route.fulfill({ status: 200, contentType: 'application/json', body: healthyCameras });
    return;
  }
  const { respond } = fault;
  if ('hang' in respond) return; // never answered: the page's own time limit must end it
  if ('unreachable' in respond) {
    await route.abort('connectionrefused');
    return;
  }
  await route.fulfill({
    status: respond.status,
    body: respond.body,
    headers: { ...respond.headers, ...(respond.contentType && { 'content-type': respond.contentType }) },
  });
}

const camerasAlert = () => page.locator('[role="alert"][data-layer="cameras"]');
const camerasNotice = () => page.locator('[role="status"][data-layer="cameras"]');
const mapShot = () => page.locator('.grid-map').screenshot();
const reconnect = () => reconnectPage(page);

beforeAll(async () => {
  browser = await launchBrowser();
  const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as { cameras: unknown };
  healthyCameras = JSON.stringify(city.cameras);
  const config = (await (await fetch(`${baseUrl()}/config.json`)).json()) as { api: Record<string, unknown> };
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('request', (request) => requests.push(request.url()));
  await serveConfig(page, {
    ...config,
    refreshSeconds: 5,
    api: { ...config.api, timeoutSeconds: 1 },
    sources: { cameras: { provider: 'rest', url: feedPath, headers: { Authorization: secretToken } } },
  });
  // On the context, not the page: with the mock's service worker installed, the page's requests it passes on are
  // made by the worker, which only context routing sees.
  await context.route((url) => url.pathname.startsWith(`${feedPath}/`), answer);
  await page.goto(`${baseUrl()}/?layers=grids,cameras`);
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 90_000 });
});
afterAll(async () => {
  await browser.close();
});

describe('the fault catalogue on one running dashboard', () => {
  it('draws the grids and the healthy cameras first', async () => {
    const { changed, total } = countNonBackgroundPixels(await mapShot(), background);
    expect(changed).toBeGreaterThan(total * 0.05);
    expect(await camerasAlert().count()).toBe(0);
  });

  it.each(browserFaults)('$id: $title', async (fault) => {
    const before = served;
    current = fault;
    await reconnect();
    if (fault.outcome.alert) {
      await camerasAlert().waitFor({ timeout: 30_000 });
      const text = await camerasAlert().innerText();
      expect(text).toContain('视频监控');
      expect(text).toContain(fault.outcome.zh);
      expect(text).not.toContain(tokenValue);
    } else if ('notice' in fault.outcome) {
      // One bad camera: the notice names it, no alert, and the others stay drawn.
      await expect
        .poll(() => camerasNotice().innerText(), { timeout: 30_000 })
        .toContain(fault.outcome.notice.zh);
      expect(await camerasAlert().count()).toBe(0);
    } else {
      await expect.poll(() => served > before, { timeout: 10_000 }).toBe(true);
      // Give the answer time to be parsed; an alert would have appeared by now.
      await page.waitForTimeout(500);
      expect(await camerasAlert().count()).toBe(0);
    }
    // The other layers carry on: no alert of theirs, the map still ready.
    expect(await page.locator('[role="alert"][data-layer="grids"]').count()).toBe(0);
    expect(await page.locator('[data-map-ready="true"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as { __faultScript?: number }).__faultScript)).toBeUndefined();
    // Healthy again: the alert must go by itself (a failed layer retries); the notice goes with the next read.
    current = null;
    await camerasAlert().waitFor({ state: 'detached', timeout: 30_000 });
    if ('notice' in fault.outcome) await reconnect();
    await camerasNotice().waitFor({ state: 'detached', timeout: 30_000 });
    expect(errors).toEqual([]);
  });

  it('kept the grids drawn, ran no script, and kept the token out of URLs, alerts and the console', async () => {
    const { changed, total } = countNonBackgroundPixels(await mapShot(), background);
    expect(changed).toBeGreaterThan(total * 0.05);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => url.includes(tokenValue))).toEqual([]);
    expect(consoleLines.filter((line) => line.includes(tokenValue))).toEqual([]);
    // Requests only to configured origins: the app's own (config, mock API, the routed feed) and local blobs.
    const origins = new Set(
      requests
        .map((url) => new URL(url))
        .filter((url) => url.protocol.startsWith('http'))
        .map((url) => url.origin),
    );
    expect([...origins]).toEqual([new URL(baseUrl()).origin]);
    expect(served).toBeGreaterThan(browserFaults.length);
  });

  it('reaches and operates the panels and layer toggles by keyboard alone', async () => {
    await page.locator('body').focus();
    const reached = new Set<string>();
    for (let press = 0; press < 250; press += 1) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const active = document.activeElement;
        const panel = active?.closest('section[aria-label], [role="tablist"]');
        const label = active?.closest('label')?.textContent.trim() ?? active?.textContent.trim() ?? '';
        return `${panel?.getAttribute('aria-label') ?? panel?.getAttribute('role') ?? ''}|${label}`;
      });
      reached.add(where);
    }
    const panels = new Set([...reached].map((entry) => entry.split('|')[0]));
    // The layer panel's toggles, the side panel's tabs and the legend-bearing panels are all in the Tab order.
    expect([...reached].some((entry) => entry.endsWith('|网格'))).toBe(true);
    expect([...reached].some((entry) => entry.endsWith('|视频监控'))).toBe(true);
    expect(panels.has('tablist')).toBe(true);
    // Space on the focused toggle switches the layer, as a click would; a second Space switches it back.
    const toggle = page.getByRole('checkbox', { name: '视频监控', exact: true });
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => !(url.searchParams.get('layers') ?? '').includes('cameras'));
    await page.keyboard.press('Space');
    await page.waitForURL((url) => (url.searchParams.get('layers') ?? '').includes('cameras'));
  });

  it('never says anything by colour alone: every legend entry and layer state has words', async () => {
    const legendEntries = await page.locator('.map-legend li').allInnerTexts();
    expect(legendEntries.length).toBeGreaterThan(3);
    for (const entry of legendEntries) expect(entry.trim()).not.toBe('');
    const states = await page.locator('.map-layer-panel__state').allInnerTexts();
    for (const state of states) expect(state.trim()).not.toBe('');
    // A failing layer says so in words beside its toggle, not only by a red mark.
    current = wireFaults.find((fault) => fault.id === 'http-404') ?? null;
    await reconnect();
    await camerasAlert().waitFor({ timeout: 30_000 });
    expect(await page.locator('.map-layer-panel__state--failed').innerText()).not.toBe('');
    current = null;
    await camerasAlert().waitFor({ state: 'detached', timeout: 30_000 });
  });
});
