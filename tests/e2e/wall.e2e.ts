import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser';
import { countNonBackgroundPixels } from './pixels';
import { configPath, createWallFeed, districtsOf, type WallFeed } from './wall-feed';
import { measureWallLayout } from './wall-layout';
import {
  cameraShares,
  heatPixels,
  heatShares,
  isHeatWarm,
  mapPicture,
  ringPixelsNear,
  type Position,
} from './wall-live';
import { PNG } from 'pngjs';
import { bbox } from '@turf/turf';
import { findHotspots } from '../../src/domain/hotspots';
import { formatChinaTime } from '../../src/domain/china-time';
import { changedPixels } from './pixels';

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
  { panels = true }: { panels?: boolean } = {},
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await feed.attach(context, config);
  await page.goto(`${baseUrl()}/wall?config=${configPath}`);
  await page.waitForSelector('.wall [data-map-ready="true"]', { timeout: 110_000 });
  // The panels are waited for only where they are measured.
  if (!panels) return { page, errors, close: () => context.close() };
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

interface FeedCase {
  geometry: { coordinates: Position };
  properties: {
    id: string;
    reportedAt: string;
    gridId: string | null;
    dueAt: string;
    closedAt: string | null;
  };
}
type FeedCases = { features: FeedCase[] };
const dayMs = 86_400_000;
/** The feed's cases reported in the last `days` days (the wall's heat window is 30). */
const casesOfLast = (days: number) =>
  feed.read<FeedCases>(
    `/cases?from=${encodeURIComponent(formatChinaTime(Date.now() - days * dayMs))}&to=${encodeURIComponent(formatChinaTime(Date.now() + dayMs))}`,
  );

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
      if (screen.name === '4k') {
        // The live picture, read where the data is: the heat over the window's cases, the online cameras.
        const { image, toScreen } = await mapPicture(page);
        const cases = (await casesOfLast(30)).features.map((item) => toScreen(item.geometry.coordinates));
        const heat = heatShares(image, cases, 64);
        // Online cameras standing alone (no other camera within 40 px), looked for at their place and 20 px off.
        const all = feed.city.cameras.features.map((camera) => ({
          camera,
          online: camera.properties.status === 'online',
          at: toScreen(camera.geometry.coordinates),
        }));
        const alone = all.filter(
          (entry) =>
            entry.online &&
            all.every(
              (other) =>
                other === entry || Math.hypot(other.at[0] - entry.at[0], other.at[1] - entry.at[1]) > 40,
            ),
        );
        const cameras = cameraShares(
          image,
          alone.map((entry) => entry.at),
          3,
          20,
        );
        writeFileSync('test-results/wall-4k-live.json', JSON.stringify({ heat, cameras }, null, 2));
        expect(heat.busiest).toBeGreaterThan(0.6);
        expect(heat.empty).toBeLessThan(0.1);
        expect(cameras.cameras).toBeGreaterThan(50);
        expect(cameras.at).toBeGreaterThan(0.6);
        expect(cameras.away).toBeLessThan(cameras.at / 2);

        // An operator clicks a lone online camera on the wall: it plays in the video panel, its clock advancing.
        const lone = alone.find(
          ({ at: [ax, ay] }) => ax > 100 && ay > 100 && ax < image.width - 100 && ay < image.height - 100,
        )!;
        const [x, y] = lone.at;
        const box = (await page.locator('.wall-map .grid-map').boundingBox())!;
        await page.mouse.click(box.x + x, box.y + y);
        const player = `[data-testid="video-panel"] [data-camera-id="${lone.camera.properties.id}"][data-state="playing"]`;
        await page.waitForSelector(player, { timeout: 30_000 });
        const clock = () =>
          page.evaluate(
            (selector) => document.querySelector<HTMLVideoElement>(`${selector} video`)!.currentTime,
            player,
          );
        const started = await clock();
        await expect.poll(clock, { timeout: 10_000 }).toBeGreaterThan(started + 1);
      }
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
    const [first] = districtsOf(feed.city);
    // Each scene chooses its layers; the last flies to the city's worst early-warning grid.
    const tour = [
      { layers: ['heat'], seconds: 6 },
      { region: first!.id, layers: ['grids', 'stations'], seconds: 5 },
      { layers: ['warnings', 'cameras'], focus: 'earlyWarning', seconds: 8 },
    ];
    const { page, errors, close } = await openWall(
      { width: 1920, height: 1080 },
      { wall: { designWidth: 1920, designHeight: 1080, tour, idleResumeSeconds: 4 } },
      { panels: false },
    );
    const history = await casesOfLast(64);
    const flagged = findHotspots(
      history.features.map((item) => item.properties),
      Date.now(),
    ).map((hotspot) => hotspot.gridId);
    const gridById = new Map(feed.city.grids.features.map((grid) => [grid.properties.id as string, grid]));
    /** Where the ring of a grid is drawn: the middle of its outer ring's extent. */
    const ringMiddle = (id: string): Position => {
      const geometry = gridById.get(id)!.geometry;
      const ring = geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!;
      const [west, south, east, north] = bbox({ type: 'LineString', coordinates: ring });
      return [(west + east) / 2, (south + north) / 2];
    };
    const layersSeen: Record<string, string | null> = {};
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
      layersSeen[expected] = await wall.getAttribute('data-scene-layers');
      if (expected === '2') {
        // Flown to the worst early-warning grid: the camera over it, zoomed in, its ring drawn around its middle,
        // and no heat (this scene did not choose it).
        const focus = (await wall.getAttribute('data-scene-focus')) ?? '';
        expect(flagged).toContain(focus);
        const [west, south, east, north] = bbox(gridById.get(focus)!);
        await expect
          .poll(
            async () => {
              const [lng, lat, zoom] = (
                (await page.locator('.wall-map .grid-map').getAttribute('data-map-camera')) ?? ''
              )
                .split(',')
                .map(Number);
              return lng! >= west && lng! <= east && lat! >= south && lat! <= north && zoom! > 13;
            },
            { timeout: 8_000, interval: 250 },
          )
          .toBe(true);
        const { image, toScreen } = await mapPicture(page);
        writeFileSync('test-results/wall-tour-warning.png', PNG.sync.write(image));
        expect(ringPixelsNear(image, toScreen(ringMiddle(focus)), 24)).toBeGreaterThan(30);
        // A fault camera (vermilion) may be in view: a few dozen pixels, where the heat would paint thousands.
        expect(heatPixels(image, isHeatWarm)).toBeLessThan(300);
      }
      if (expected === '0') {
        expect(await page.locator('.wall-header__scene').innerText()).toContain('全市');
        // The city with the heat alone: its core drawn, no grid fill.
        await expect
          .poll(async () => heatPixels((await mapPicture(page)).image), { timeout: 6_000, interval: 250 })
          .toBeGreaterThan(150);
      }
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
    expect(seen).toEqual([`1:${first!.id}`, '2:', '0:']);
    expect(layersSeen).toEqual({ '1': 'grids,stations', '2': 'warnings,cameras', '0': 'heat' });

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

  it('raises a banner and a pulse for a new overdue case, rides out an outage and a lost WebGL context', async () => {
    // One page for all three (each page costs the wall's start-up): a single scene of grids and pulses.
    const { page, errors, close } = await openWall(
      { width: 1920, height: 1080 },
      {
        refreshSeconds: 5,
        wall: {
          designWidth: 1920,
          designHeight: 1080,
          tour: [{ layers: ['grids', 'pulses'], seconds: 600 }],
          idleResumeSeconds: 60,
          alertSeconds: 3,
        },
      },
    );

    // A new case, already past its due time, in the middle of the map: the next poll brings it.
    const [template] = (await casesOfLast(2)).features;
    const { image: plain, toScreen: beforeToScreen } = await mapPicture(page);
    const where = [plain.width / 2 + 140, plain.height / 2 - 90];
    const unproject = await page.locator('.wall-map .grid-map').getAttribute('data-map-camera');
    const [lng, lat, zoom] = (unproject ?? '').split(',').map(Number);
    // Degrees per pixel at this zoom (Web Mercator, 512 px tiles) at the map's latitude.
    const perPixel = 360 / (512 * 2 ** zoom!);
    const position: Position = [
      lng! + (where[0]! - plain.width / 2) * perPixel,
      lat! - (where[1]! - plain.height / 2) * perPixel * Math.cos((lat! * Math.PI) / 180),
    ];
    const id = 'JC-WALL-ALERT-1';
    feed.injected.push({
      ...template,
      geometry: { type: 'Point', coordinates: position },
      properties: {
        ...template!.properties,
        id,
        reportedAt: formatChinaTime(Date.now() - 3_600_000),
        dueAt: formatChinaTime(Date.now() - 60_000),
        closedAt: null,
        status: 'handling',
      },
    });
    const banner = page.locator(`.wall-banner[data-case="${id}"]`);
    await banner.waitFor({ timeout: 20_000 });
    const bannerAt = Date.now();
    expect(await banner.innerText()).toContain('超期事件');
    await page.waitForFunction(
      (caseId) =>
        (document.querySelector('.wall-map')?.getAttribute('data-pulsing') ?? '').split(' ').includes(caseId),
      id,
      { timeout: 10_000 },
    );
    const pulsing = await mapPicture(page);
    const at = pulsing.toScreen(position);
    expect(Math.hypot(at[0] - where[0]!, at[1] - where[1]!)).toBeLessThan(3);
    expect(beforeToScreen(position)).toEqual(at);
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    // Shown for alertSeconds (3 s): from when the test saw it to when it went, a little less.
    expect(Date.now() - bannerAt).toBeGreaterThan(1_500);
    await page.waitForFunction(
      (caseId) =>
        !(document.querySelector('.wall-map')?.getAttribute('data-pulsing') ?? '')
          .split(' ')
          .includes(caseId),
      id,
      { timeout: 15_000 },
    );
    const after = await mapPicture(page);
    writeFileSync('test-results/wall-pulse.png', PNG.sync.write(pulsing.image));
    // The pulse's ring was drawn where the case is, and nowhere near it once the pulse ended.
    expect(changedPixels(pulsing.image, after.image, { near: at, reach: 40 })).toBeGreaterThan(60);
    feed.injected.length = 0;
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

    // The map rebuilt after its WebGL context is lost, without a reload.
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
