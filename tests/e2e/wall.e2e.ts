import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser';
import { countNonBackgroundPixels } from './pixels';
import { configPath, createWallFeed, districtsOf, type WallFeed } from './wall-feed';
import { measureWallLayout } from './wall-layout';

/**
 * The wall display on the production build: it fills 4K, 1080p and ultra-wide screens exactly, tours its scenes,
 * pauses on a touch, rides out a data-source outage and a lost WebGL context without a reload.
 */
const mapBackground: [number, number, number] = [9, 17, 31];
let browser: Browser;
let feed: WallFeed;

beforeAll(async () => {
  browser = await launchBrowser();
  feed = await createWallFeed();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

async function openWall(
  viewport: { width: number; height: number },
  config: Record<string, unknown>,
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await feed.attach(context, config);
  await page.goto(`${baseUrl()}/wall?config=${configPath}`);
  await page.waitForSelector('.wall [data-map-ready="true"]', { timeout: 110_000 });
  await page.waitForFunction(
    () =>
      /%/.test(
        document.querySelector('.wall-kpi[data-indicator="resolutionRate"] .wall-kpi__value')?.textContent ??
          '',
      ) &&
      document.querySelectorAll('.wall-ticker__row').length > 0 &&
      document.querySelectorAll('.wall-trend .recharts-rectangle').length > 0,
    undefined,
    { timeout: 60_000 },
  );
  return { page, errors, close: () => context.close() };
}

/** The share of the wall's map that is not its dark background: the city drawn. */
async function mapDrawnShare(page: Page): Promise<number> {
  const { changed, total } = countNonBackgroundPixels(
    await page.locator('.wall-map').screenshot(),
    mapBackground,
  );
  return changed / total;
}

const screens = [
  { width: 3840, height: 2160, name: '4k' },
  { width: 1920, height: 1080, name: '1080p' },
  { width: 7680, height: 2160, name: 'ultrawide' },
];

describe('the wall display', () => {
  for (const screen of screens) {
    it(`fills a ${screen.width}×${screen.height} screen exactly, nothing clipped or overlapping`, async () => {
      const { page, errors, close } = await openWall(screen, {
        wall: { designWidth: screen.width, designHeight: screen.height, tour: [], idleResumeSeconds: 60 },
      });
      // Once the map has drawn the city (checked below), the screen is measured.
      await expect.poll(() => mapDrawnShare(page), { timeout: 30_000 }).toBeGreaterThan(0.2);
      const shot = await page.screenshot();
      writeFileSync(`test-results/wall-${screen.name}.png`, shot);
      const layout = await measureWallLayout(page);
      writeFileSync(`test-results/wall-${screen.name}-layout.json`, JSON.stringify(layout, null, 2));
      expect(layout.scrollbars).toEqual({ horizontal: false, vertical: false });
      expect(layout.stage).toMatchObject({
        left: 0,
        top: 0,
        width: screen.width,
        height: screen.height,
        scale: 1,
      });
      expect(layout.texts).toBeGreaterThan(40);
      expect(layout.clipped).toEqual([]);
      expect(layout.overlapping).toEqual([]);
      expect(layout.smallestFontPx).toBeGreaterThanOrEqual((18 * screen.height) / 1080);
      expect(await mapDrawnShare(page)).toBeGreaterThan(0.2);
      // Public screen: no worker names anywhere in the text of the wall.
      const text = await page.locator('.wall').innerText();
      const workers = feed.city.grids.features.slice(0, 200).map((grid) => grid.properties.workerName);
      expect(workers.filter((name) => name.length > 1 && text.includes(name))).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('scales a 4K design down to a 1080p screen as one piece', async () => {
    const { page, close } = await openWall({ width: 1920, height: 1080 }, {});
    const layout = await measureWallLayout(page);
    expect(layout.stage).toMatchObject({ width: 1920, height: 1080, scale: 0.5 });
    expect(layout.scrollbars).toEqual({ horizontal: false, vertical: false });
    expect(layout.clipped).toEqual([]);
    await close();
  });

  it('tours its scenes, pauses on a touch and resumes after the idle time', async () => {
    const [first, second] = districtsOf(feed.city);
    const tour = [
      { seconds: 6 },
      { region: first!.id, layers: ['grids', 'stations'], seconds: 6 },
      { region: second!.id, layers: ['grids', 'cameras'], seconds: 6 },
    ];
    const { page, errors, close } = await openWall(
      { width: 1920, height: 1080 },
      { wall: { designWidth: 1920, designHeight: 1080, tour, idleResumeSeconds: 4 } },
    );
    const wall = page.locator('main.wall');
    const seen: string[] = [];
    for (const expected of ['1', '2', '0']) {
      await page.waitForFunction(
        (index) => document.querySelector('main.wall')?.getAttribute('data-scene') === index,
        expected,
        {
          timeout: 20_000,
        },
      );
      seen.push(`${expected}:${await wall.getAttribute('data-scene-region')}`);
      if (expected === '1') {
        await page.waitForFunction(
          (name) => document.querySelector('.wall-kpis .wall-panel__title')?.textContent.startsWith(name),
          first!.name,
          { timeout: 30_000 },
        );
        await expect.poll(() => mapDrawnShare(page), { timeout: 30_000 }).toBeGreaterThan(0.2);
        writeFileSync('test-results/wall-tour-district.png', await page.screenshot());
      }
    }
    expect(seen).toEqual([`1:${first!.id}`, `2:${second!.id}`, '0:']);
    expect(await page.locator('.wall-header__scene').innerText()).toContain('全市');

    // Every change of the tour's state and scene from the touch on, recorded in the page as it happens.
    await page.evaluate(() => {
      const main = document.querySelector('main.wall')!;
      const record: { at: number; tour: string | null; scene: string | null }[] = [];
      (window as unknown as { tourRecord: typeof record }).tourRecord = record;
      new MutationObserver(() =>
        record.push({
          at: performance.now(),
          tour: main.getAttribute('data-tour'),
          scene: main.getAttribute('data-scene'),
        }),
      ).observe(main, { attributes: true, attributeFilter: ['data-tour', 'data-scene'] });
    });
    const touchedAt = await page.evaluate(() => performance.now());
    await page.mouse.click(960, 540);
    expect(await wall.getAttribute('data-tour')).toBe('paused');
    const pausedOn = await wall.getAttribute('data-scene');
    await page.waitForFunction(
      () => document.querySelector('main.wall')?.getAttribute('data-tour') === 'running',
      undefined,
      {
        timeout: 10_000,
      },
    );
    // Paused for the idle time (4 s) on the scene it was touched on, then running again.
    const record = await page.evaluate(
      () =>
        (window as unknown as { tourRecord: { at: number; tour: string | null; scene: string | null }[] })
          .tourRecord,
    );
    const paused = record.findIndex((entry) => entry.tour === 'paused');
    const resumed = record.findIndex((entry, index) => index > paused && entry.tour === 'running');
    expect(paused).toBeGreaterThanOrEqual(0);
    expect(resumed).toBeGreaterThan(paused);
    expect(record[resumed]!.at - touchedAt).toBeGreaterThan(3_500);
    expect(new Set(record.slice(paused, resumed).map((entry) => entry.scene))).toEqual(new Set([pausedOn]));
    await page.waitForFunction(
      (index) => document.querySelector('main.wall')?.getAttribute('data-scene') !== index,
      pausedOn,
      { timeout: 15_000 },
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps the last data through an outage, says how old it is, and recovers by itself', async () => {
    const { page, errors, close } = await openWall(
      { width: 1920, height: 1080 },
      { refreshSeconds: 5, wall: { designWidth: 1920, designHeight: 1080, tour: [], idleResumeSeconds: 60 } },
    );
    await page.evaluate(() => {
      (window as unknown as { wallSession: string }).wallSession = 'before the outage';
    });
    const value = page.locator('.wall-kpi[data-indicator="resolutionRate"] .wall-kpi__value');
    const before = await value.innerText();
    const outageStarted = Date.now();
    feed.down = true;
    const badge = page.locator('.wall-header__stale');
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.innerText()).toMatch(/^数据截至 \d{2}:\d{2}/);
    expect(await page.locator('main.wall').getAttribute('data-stale')).toBe('true');
    expect(await value.innerText()).toBe(before);
    // Until the wall has retried twice (three reads in the outage): enough to see the gaps grow.
    const outageReads = () =>
      (feed.requests.get('/indicators') ?? []).filter((time) => time >= outageStarted);
    await expect.poll(() => outageReads().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    writeFileSync('test-results/wall-outage.png', await page.screenshot());
    expect(await value.innerText()).toBe(before);
    const duringOutage = outageReads();
    feed.down = false;
    const backAt = Date.now();
    await page.waitForFunction(
      () => document.querySelector('main.wall')?.getAttribute('data-stale') === 'false',
      undefined,
      {
        timeout: 60_000,
      },
    );
    const recoveredInMs = Date.now() - backAt;
    expect(await badge.count()).toBe(0);
    expect(await page.locator('.wall-header__data-time').innerText()).toMatch(/^数据时间 \d{2}:\d{2}/);
    expect(await page.evaluate(() => (window as unknown as { wallSession?: string }).wallSession)).toBe(
      'before the outage',
    );
    // Backoff: the gaps between retries grow instead of hammering the source every refresh.
    const gaps = duringOutage.slice(1).map((time, index) => time - duringOutage[index]!);
    writeFileSync(
      'test-results/wall-outage.json',
      JSON.stringify({ retryGapsMs: gaps, recoveredInMs }, null, 2),
    );
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(gaps[gaps.length - 1]!).toBeGreaterThan(gaps[0]!);
    expect(errors).toEqual([]);
    await close();
  });

  it('rebuilds the map after its WebGL context is lost, without a reload', async () => {
    const { page, errors, close } = await openWall(
      { width: 1920, height: 1080 },
      { wall: { designWidth: 1920, designHeight: 1080, tour: [], idleResumeSeconds: 60 } },
    );
    await page.evaluate(() => {
      (window as unknown as { wallSession: string }).wallSession = 'before the loss';
      const canvas = document.querySelector<HTMLCanvasElement>('.wall-map canvas.maplibregl-canvas');
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    });
    await page.waitForFunction(
      () => document.querySelector('.wall-map')?.getAttribute('data-map-generation') === '1',
      undefined,
      {
        timeout: 20_000,
      },
    );
    await page.waitForSelector('.wall [data-map-ready="true"]', { timeout: 90_000 });
    await expect.poll(() => mapDrawnShare(page), { timeout: 30_000 }).toBeGreaterThan(0.2);
    writeFileSync('test-results/wall-context-restored.png', await page.locator('.wall-map').screenshot());
    expect(await page.evaluate(() => (window as unknown as { wallSession?: string }).wallSession)).toBe(
      'before the loss',
    );
    expect(errors).toEqual([]);
    await close();
  });
});
