import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretToken, wireFaults, type WireFault } from '../faults/catalogue';
import { baseUrl, launchBrowser } from './browser';
import { countNonBackgroundPixels, countPixelsNear } from './pixels';
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
/**
 * The page opens on an outage: the cameras' source answers HTTP 500 with a message of its own until the first test
 * has watched the alert for 20 s, then recovers.
 */
const outageMessage = 'database connection pool exhausted';
const outage: WireFault = {
  id: 'outage',
  title: 'HTTP 500 for 20 s from the start',
  layer: 'cameras',
  respond: {
    status: 500,
    contentType: 'application/json',
    body: JSON.stringify({ error: { message: `  ${outageMessage}\n` } }),
  },
  outcome: { alert: true, kind: 'http', en: 'HTTP 500', zh: '服务器出错（HTTP 500）', server: outageMessage },
};
let current: WireFault | null = outage;
const outageRequests: number[] = [];
let served = 0;
const errors: string[] = [];
const consoleLines: string[] = [];
const requests: string[] = [];

async function answer(route: Route): Promise<void> {
  const fault = current;
  served += 1;
  if (fault === outage) outageRequests.push(Date.now());
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
/** An online camera's dot (`cameraStatusColours.online`, src/map/cameras.layer.ts, which pulls deck.gl into Node). */
const onlineCameraPixels = (png: Buffer) => countPixelsNear(png, [0, 158, 115], 40);
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
    api: { ...config.api, timeoutSeconds: 5 },
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
  it('keeps the alert on screen through 20 s of HTTP 500, counting down to each retry; clears on recovery', async () => {
    await camerasAlert().waitFor({ timeout: 30_000 });
    const started = Date.now();
    const countdowns: string[] = [];
    let samples = 0;
    while (Date.now() - started < 20_000) {
      // One read of the DOM per sample: the alert is there and says what, what the server said, and when again.
      const seen = await page.evaluate(() => {
        const alert = document.querySelector('[role="alert"][data-layer="cameras"]');
        return alert ? (alert as HTMLElement).innerText : null;
      });
      samples += 1;
      expect(seen, `sample ${samples} at ${Date.now() - started} ms`).not.toBeNull();
      expect(seen).toContain('服务器出错（HTTP 500）');
      expect(seen).toContain(`服务器说明：${outageMessage}`);
      expect(seen).toContain('尚未成功加载');
      const countdown = /(\d+) 秒后重试|正在重试…/.exec(seen ?? '');
      expect(countdown, seen ?? '').not.toBeNull();
      countdowns.push(countdown![0]);
      // The next sample on the 250 ms schedule, however long this one took to read.
      const next = started + samples * 250;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    }
    // 80 on the schedule; a loaded machine may take longer than 250 ms to read one, never seconds.
    expect(samples).toBeGreaterThanOrEqual(40);
    // It counted down: some sample said a number of seconds, and later samples a smaller one.
    const seconds = countdowns.map((text) => Number(/\d+/.exec(text)?.[0] ?? 0));
    expect(seconds.some((value, index) => index > 0 && value < seconds[index - 1]! && value > 0)).toBe(true);
    // Backoff with a cap (refreshSeconds 5 here, jitter up to a quarter off): no two reads closer than 750 ms, and
    // once backed off, never more often than every 3.75 s. Not a loop: a handful in 20 s.
    const gaps = outageRequests.slice(1).map((at, index) => at - outageRequests[index]!);
    expect(gaps.every((gap) => gap >= 700)).toBe(true);
    expect(gaps.slice(3).every((gap) => gap >= 3_700)).toBe(true);
    expect(outageRequests.length).toBeLessThanOrEqual(12);
    const withoutCameras = onlineCameraPixels(await mapShot());
    // The source recovers: the alert goes within one retry (at most the 5 s cap, plus the read) and cameras draw.
    const servedBefore = served;
    current = null;
    const recovered = Date.now();
    await camerasAlert().waitFor({ state: 'detached', timeout: 8_000 });
    expect(Date.now() - recovered).toBeLessThan(6_500);
    expect(served - servedBefore).toBe(1);
    await expect
      .poll(async () => onlineCameraPixels(await mapShot()), { timeout: 10_000 })
      .toBeGreaterThan(withoutCameras + 1_000);
  });

  it('draws the grids and the healthy cameras', async () => {
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
      if (fault.outcome.server !== undefined) expect(text).toContain(fault.outcome.server);
      expect(text).not.toContain(tokenValue);
    } else if ('notice' in fault.outcome) {
      // One bad camera: the notice names it, no alert, and the others stay drawn.
      await expect
        .poll(() => camerasNotice().innerText(), { timeout: 30_000 })
        .toContain(fault.outcome.notice.zh);
      expect(await camerasAlert().count()).toBe(0);
    } else {
      await expect.poll(() => served > before, { timeout: 10_000 }).toBe(true);
      // Parsed and taken: the layer panel counts the answer's cameras, where an alert would have come instead.
      await expect
        .poll(() => page.getByTestId('camera-summary').textContent(), { timeout: 30_000 })
        .toContain(`摄像头 ${fault.outcome.features} 个`);
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

/**
 * `/meta` failing, on a page of its own: regions and meta read from /meta-feed (routed here), the rest from the
 * in-page mock. While meta answers HTTP 500 the alert names the dataset information and the server's words, and
 * the app goes on with the stated defaults (docs/faults.md): the map on the regions' extent with the data taken as
 * WGS84, the cases polled every `refreshSeconds` (no stream without meta.live), the review's figures, no data
 * time in the header. Meta recovers: the alert goes by itself and the data time appears.
 */
describe('a failing /meta', () => {
  const metaFeed = '/meta-feed';
  const metaMessage = 'dataset catalogue is being rebuilt';
  let metaFailing = true;
  let metaPage: Page;
  let metaJson = '';
  let regionsJson = '';

  beforeAll(async () => {
    const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as {
      meta: Record<string, unknown>;
      regions: unknown;
    };
    metaJson = JSON.stringify(city.meta);
    regionsJson = JSON.stringify(city.regions);
    const config = (await (await fetch(`${baseUrl()}/config.json`)).json()) as {
      api: Record<string, unknown>;
    };
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    metaPage = await context.newPage();
    metaPage.on('pageerror', (error) => errors.push(error.message));
    await serveConfig(metaPage, {
      ...config,
      refreshSeconds: 5,
      sources: { regions: { provider: 'rest', url: metaFeed } },
    });
    await context.route(
      (url) => url.pathname.startsWith(`${metaFeed}/`),
      (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === `${metaFeed}/regions`)
          return route.fulfill({ status: 200, contentType: 'application/json', body: regionsJson });
        if (path === `${metaFeed}/meta` && !metaFailing)
          return route.fulfill({ status: 200, contentType: 'application/json', body: metaJson });
        if (path === `${metaFeed}/meta`)
          return route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({ message: metaMessage }),
          });
        return route.fulfill({ status: 404, body: 'not found' });
      },
    );
    await metaPage.goto(`${baseUrl()}/?layers=grids,cases`);
    await metaPage.waitForSelector('[data-map-ready="true"]', { timeout: 90_000 });
  });
  afterAll(async () => {
    await metaPage.context().close();
  });

  it('names the dataset information and the reason, keeps everything else going, and clears on recovery', async () => {
    const metaAlert = metaPage.locator('[role="alert"][data-layer="meta"]');
    await metaAlert.waitFor({ timeout: 30_000 });
    const text = await metaAlert.innerText();
    expect(text).toContain('数据集信息图层加载失败');
    expect(text).toContain('服务器出错（HTTP 500）');
    expect(text).toContain(`服务器说明：${metaMessage}`);
    expect(text).toMatch(/\d+ 秒后重试|正在重试…/);
    // The only alert: every other layer loaded.
    expect(await metaPage.getByRole('alert').count()).toBe(1);
    // The map opened on the regions' extent and draws the grids.
    const { changed, total } = countNonBackgroundPixels(
      await metaPage.locator('.grid-map').screenshot(),
      background,
    );
    expect(changed).toBeGreaterThan(total * 0.05);
    // The review's figures come as without meta: the city's cases reported in the window.
    const reported = metaPage.locator('.kpi-card[data-indicator="casesReported"] .kpi-card__value');
    await reported.waitFor({ timeout: 30_000 });
    expect(Number(((await reported.textContent()) ?? '').replace(/[^\d]/g, ''))).toBeGreaterThan(0);
    // No data time in the header: meta is where it comes from.
    expect(await metaPage.locator('.app-header').innerText()).not.toContain('数据时间');
    // The cases: polled every refreshSeconds, with no stream (meta.live unknown), and counted.
    await metaPage.getByRole('tab', { name: '实时事件' }).click();
    await expect
      .poll(async () => Number(await metaPage.getByTestId('case-count').getAttribute('data-count')), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    expect(await metaPage.locator('.case-connection').innerText()).toContain('每 5 秒刷新');
    expect(await metaAlert.count()).toBe(1);
    // Meta recovers: the alert goes within one retry (the 5 s cap), and the header shows the data time.
    metaFailing = false;
    await metaAlert.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => metaPage.locator('.app-header').innerText()).toContain('数据时间 2026');
    expect(await metaPage.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
