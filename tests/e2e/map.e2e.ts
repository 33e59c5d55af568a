import { mkdirSync, writeFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import gcoord from 'gcoord';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser';
import { wireFaults } from '../faults/catalogue';
import { countChangedPixels, countNonBackgroundPixels, gridPixels, mapBackground, type Rgb } from './pixels';
import { settledShot } from './settle';

/**
 * The map journeys on the production build with the demo city: it draws, selects, toggles, hovers, survives a
 * failing layer and moves the data onto a GCJ-02 base map. Pictures are the truth here, counted from screenshots.
 */
interface CityGrid {
  properties: { id: string; name: string; workerName: string };
  geometry: Polygon | MultiPolygon;
}
interface City {
  meta: { crs: 'wgs84' | 'gcj02' };
  grids: { features: CityGrid[] };
}

const background = mapBackground;
const selectedOutline: Rgb = [216, 27, 96];

/** The reason the alert gives for a 503, in Chinese, as the fault catalogue states it. */
function unavailable503(): string {
  const outcome = wireFaults.find((fault) => fault.id === 'http-503')?.outcome;
  if (!outcome?.alert) throw new Error('the fault catalogue has no HTTP 503 alert');
  return outcome.zh;
}

let browser: Browser;
let city: City;
let config: Record<string, unknown>;

beforeAll(async () => {
  browser = await launchBrowser();
  city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as City;
  config = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Record<string, unknown>;
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

async function open(
  path: string,
  overrides: Record<string, unknown> = {},
  prepare: (page: Page) => Promise<unknown> = () => Promise.resolve(),
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/config.json', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ ...config, ...overrides }),
    }),
  );
  await prepare(page);
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 90_000 });
  return { page, errors, close: () => context.close() };
}

const mapShot = (page: Page) => page.locator('.grid-map').screenshot();

/** The whole city as the first test opened it, kept for the toggle test: a page load of the city costs seconds. */
let cityPage: { page: Page; close: () => Promise<void> } | undefined;

/** A point inside a grid, in the base map's system (the app converts the data when the systems differ). */
function insidePoint(grid: CityGrid, basemapCrs: 'wgs84' | 'gcj02'): [number, number] {
  const feature: Feature<Polygon | MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: grid.geometry,
  };
  const [lng, lat] = pointOnFeature(feature).geometry.coordinates as [number, number];
  if (city.meta.crs === basemapCrs) return [lng, lat];
  const crs = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 };
  return gcoord.transform<[number, number]>([lng, lat], crs[city.meta.crs], crs[basemapCrs]);
}

function centroidOf(png: Buffer, colour: Rgb): { x: number; y: number; count: number } {
  const image = PNG.sync.read(png);
  let x = 0;
  let y = 0;
  let count = 0;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const distance = [0, 1, 2].reduce(
      (sum, channel) => sum + Math.abs((image.data[offset + channel] ?? 0) - colour[channel]!),
      0,
    );
    if (distance > 40) continue;
    const pixel = offset / 4;
    x += pixel % image.width;
    y += Math.floor(pixel / image.width);
    count += 1;
  }
  return { x: x / count, y: y / count, count };
}

describe('the city map, on the production build', () => {
  it('draws the whole city and reports how long the first complete map took', async () => {
    const started = Date.now();
    const { page, errors, close } = await open('/');
    const wallClock = Date.now() - started;
    const sinceNavigation = Number(await page.getAttribute('[data-map-ready]', 'data-map-ready-ms'));
    const shot = await mapShot(page);
    writeFileSync('test-results/map-city.png', shot);
    writeFileSync(
      'test-results/map-timing.json',
      JSON.stringify({ sinceNavigationMs: sinceNavigation, wallClockMs: wallClock }),
    );
    const { changed, total } = countNonBackgroundPixels(shot, background);
    expect(changed / total).toBeGreaterThan(0.3);
    expect(gridPixels(shot)).toBeGreaterThan(total * 0.05);
    expect(sinceNavigation).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    cityPage = { page, close };
  });

  it('shows a tooltip on hover, and a click opens the grid’s panel and puts it in the URL', async () => {
    const grid = city.grids.features[Math.floor(city.grids.features.length / 2)]!;
    const [lng, lat] = insidePoint(grid, 'wgs84');
    const { page, close } = await open(`/?layers=grids&map=${lng},${lat},16`);
    const box = (await page.locator('.grid-map').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    expect(await tooltip.innerText()).toContain(grid.properties.name);
    await page.mouse.click(centre.x, centre.y);
    const panel = page.locator('.map-detail');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.locator('h2').innerText()).toBe(grid.properties.name);
    expect(new URL(page.url()).searchParams.get('grid')).toBe(grid.properties.id);
    await close();
  });

  it('masks the grid worker’s name where the view is public', async () => {
    const grid = city.grids.features.find((feature) => feature.properties.workerName.length > 1)!;
    const [lng, lat] = insidePoint(grid, 'wgs84');
    const privacy = { maskPersonalData: true, minimumCount: 3 };
    const { page, close } = await open(`/?layers=grids&map=${lng},${lat},16`, { privacy });
    const box = (await page.locator('.grid-map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    const text = await tooltip.innerText();
    expect(text).toContain(grid.properties.name);
    expect(text).not.toContain(grid.properties.workerName);
    expect(text).toContain(`${grid.properties.workerName[0]!}*`);
    // A case's nearest worker on the same public view: the page asks for the masked roster only, and shows a
    // masked name and no phone.
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/workers') asked.push(request.url());
    });
    await page.getByRole('tab', { name: '实时事件' }).click();
    const item = page.locator('[data-testid="latest-cases"] [data-case-id]').first();
    await item.waitFor({ timeout: 60_000 });
    await item.click();
    const fact = page.getByTestId('nearest-worker');
    await fact.waitFor({ timeout: 30_000 });
    // What the page itself asked for, before this test reads the whole roster to compare with.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((url) => new URL(url).searchParams.get('personal') === 'masked')).toBe(true);
    const roster = (await page.evaluate(async (): Promise<unknown> =>
      (await fetch('/api/workers')).json(),
    )) as {
      workers: { id: string; name: string; phone: string }[];
    };
    const workerId = await fact.getAttribute('data-worker-id');
    const worker = roster.workers.find((entry) => entry.id === workerId)!;
    const name = await page.getByTestId('nearest-worker-name').innerText();
    expect(name).toBe(`${Array.from(worker.name)[0]}${'*'.repeat(Array.from(worker.name).length - 1)}`);
    const panel = await page.locator('.case-detail').innerText();
    expect(panel).not.toContain(worker.name);
    expect(panel).not.toContain(worker.phone);
    await close();
  });

  it('removes a layer’s pixels when it is toggled off', async () => {
    const { page, close } = cityPage ?? (await open('/'));
    const before = gridPixels(await mapShot(page));
    await page.getByRole('checkbox', { name: '网格', exact: true }).uncheck();
    await page.waitForURL((url) => url.searchParams.get('layers')?.split(',').includes('grids') === false);
    expect(before).toBeGreaterThan(10_000);
    // Until the next frame without the layer: the grid fill's pixels all but gone.
    await expect
      .poll(async () => gridPixels(await mapShot(page)), { timeout: 20_000 })
      .toBeLessThan(before * 0.02);
    await close();
  });

  it('names a failing cameras source and its 503 in an alert while the other layers keep drawing', async () => {
    const sources = { cameras: { provider: 'rest', url: '/broken-cameras' } };
    const routed: string[] = [];
    // context.route, not page.route: the page's requests go through the MSW service worker, which passes
    // unmocked ones on to the network itself, where only the context's routes see them (page.route never
    // fired here, and the alert showed the preview server's 404 instead).
    const { page, close } = await open('/?layers=grids,cameras,stations', { sources }, (fresh) =>
      fresh.context().route('**/broken-cameras/**', (route) => {
        routed.push(route.request().url());
        return route.fulfill({ status: 503, contentType: 'text/plain', body: 'down for maintenance' });
      }),
    );
    const alert = page.locator('[role="alert"][data-layer="cameras"]');
    await alert.waitFor({ timeout: 30_000 });
    const text = await alert.innerText();
    expect(routed.length).toBeGreaterThan(0);
    expect(text).toContain('视频监控');
    expect(text).toContain(unavailable503());
    // Only the cameras fail: one alert, one failed mark in the layer panel, beside the cameras toggle.
    expect(await page.locator('[role="alert"]').count()).toBe(1);
    const failed = page.locator('.map-layer-panel__state--failed');
    expect(await failed.count()).toBe(1);
    expect(await failed.locator('xpath=..').innerText()).toContain('视频监控');
    // The grids still fill the map, and the stations still draw: turning them off repaints part of it.
    const shot = await settledShot(page.locator('.grid-map'));
    const { width, height } = PNG.sync.read(shot);
    expect(gridPixels(shot)).toBeGreaterThan(width * height * 0.05);
    await page.getByRole('checkbox', { name: '服务站点', exact: true }).uncheck();
    await page.waitForURL((url) => url.searchParams.get('layers') === 'cameras,grids');
    await expect
      .poll(async () => countChangedPixels(shot, await mapShot(page)).changed, { timeout: 20_000 })
      .toBeGreaterThan(500);
    await close();
  });

  it('moves the data ≈ 570 m onto a GCJ-02 base map', async () => {
    const grid = city.grids.features[0]!;
    const [lng, lat] = insidePoint(grid, 'wgs84');
    // Zoom so that the grid and its shifted copy fit in the middle 400 px, clear of the side panels.
    const ring = (
      grid.geometry.type === 'Polygon' ? grid.geometry.coordinates : grid.geometry.coordinates.flat()
    )[0]!;
    const longitudes = ring.map((position) => position[0]!);
    const latitudes = ring.map((position) => position[1]!);
    const metresPerDegree = 111_320;
    const extentMetres = Math.max(
      (Math.max(...longitudes) - Math.min(...longitudes)) * metresPerDegree * Math.cos((lat * Math.PI) / 180),
      (Math.max(...latitudes) - Math.min(...latitudes)) * metresPerDegree,
    );
    const equatorMetresPerPixelAtZoomZero = 40_075_016.686 / 512;
    const zoom = Math.min(
      17,
      Math.floor(
        Math.log2(
          (equatorMetresPerPixelAtZoomZero * Math.cos((lat * Math.PI) / 180) * 200) / (extentMetres + 700),
        ),
      ),
    );
    const path = `/?layers=grids&grid=${encodeURIComponent(grid.properties.id)}&map=${lng},${lat},${zoom}`;
    const tile = PNG.sync.write(new PNG({ width: 256, height: 256 }));
    const shots: { x: number; y: number; count: number }[] = [];
    for (const crs of ['wgs84', 'gcj02'] as const) {
      const basemap = { kind: 'raster', url: '/map-test-tiles/{z}/{x}/{y}.png', crs };
      const { page, close } = await open(path, { basemap }, (fresh) =>
        fresh.route('**/map-test-tiles/**', (route) =>
          route.fulfill({ contentType: 'image/png', body: tile }),
        ),
      );
      shots.push(centroidOf(await mapShot(page), selectedOutline));
      await close();
    }
    const [wgs, gcj] = shots as [(typeof shots)[0], (typeof shots)[0]];
    expect(wgs.count).toBeGreaterThan(50);
    expect(gcj.count).toBeGreaterThan(50);
    const metresPerPixel = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
    const shift = Math.hypot(gcj.x - wgs.x, gcj.y - wgs.y) * metresPerPixel;
    writeFileSync(
      'test-results/map-gcj-shift.json',
      JSON.stringify({ zoom, metresPerPixel, shiftMetres: shift }),
    );
    expect(shift).toBeGreaterThan(450);
    expect(shift).toBeLessThan(700);
    // GCJ-02 lies east (and a little north) of WGS84 in Shanxi: the data moves right on the screen.
    expect(gcj.x).toBeGreaterThan(wgs.x);
  });
});
