import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pointOnFeature } from '@turf/turf';
import { PNG } from 'pngjs';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  devices,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser';
import { layoutProblems, showView } from './device-checks';
import { plannerCommunity } from './planner-page';
import { countPixelsNear, gridPixels } from './pixels';

/**
 * The leader's phone and tablet: Playwright's device profiles (touch, device scale factor, a mobile viewport).
 * Each device loads the app once and walks through every page inside it (the app follows the URL through
 * history, as back/forward do), checking each page where it stands: nothing scrolls sideways, the map is at least
 * half of the first screen, every control is big enough to hit, axe finds nothing serious; a finger drills down
 * from the map and from a ranking row, opens the layer drawer and turns a layer off, and opens the header menu.
 */
interface CityUnit {
  properties: { id: string; name: string; parentId?: string | null; communityId?: string };
  geometry: Polygon | MultiPolygon;
}
interface City {
  regions: { features: CityUnit[] };
  grids: { features: CityUnit[] };
}

const mapReady = '[data-map-ready="true"]';
/** The narrowest phone the layouts are made for: its width is checked on the pages with the most text. */
const narrowPhone = devices['Galaxy S8'].viewport;

let browser: Browser;
let city: City;
beforeAll(async () => {
  browser = await launchBrowser();
  city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as City;
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

/** A grid near the middle of the city, and the district that holds it (found through the regions' parents). */
function gridAndDistrict(): { grid: CityUnit; district: CityUnit; at: [number, number] } {
  const regions = new Map(city.regions.features.map((region) => [region.properties.id, region]));
  const grid = city.grids.features[Math.floor(city.grids.features.length / 2)]!;
  let unit = regions.get(grid.properties.communityId!);
  while (unit && regions.get(unit.properties.parentId ?? '')?.properties.parentId) {
    unit = regions.get(unit.properties.parentId!);
  }
  if (!unit) throw new Error(`no district above ${grid.properties.id}`);
  const feature: Feature<Polygon | MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: grid.geometry,
  };
  const at = pointOnFeature(feature).geometry.coordinates as [number, number];
  return { grid, district: unit, at };
}

/** The map's visible middle: the map element's centre when nothing covers it (the phone's sheet covers its foot). */
async function mapCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.dashboard__map .grid-map').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A link as a desk shares it: a view's place, layers and window (the camera is the middle grid's point). */
function sharedLink(): string {
  const { at } = gridAndDistrict();
  return `/?layers=grids&window=30d&map=${at[0]},${at[1]},10.5`;
}

const breadcrumbIs = (page: Page, name: string) =>
  page.waitForFunction(
    (unit) => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === unit,
    name,
    { timeout: 20_000 },
  );

describe.each([
  ['phone', devices['Pixel 7']],
  ['tablet', devices['iPad Mini landscape']],
] as [string, BrowserContextOptions][])('on a %s', (device, profile) => {
  const phone = device === 'phone';
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ ...profile, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    // The first view, opened from a link a leader shared from a desk: the grids alone, the last 30 days, around a
    // grid whose district the first journey taps.
    await page.goto(`${baseUrl()}${sharedLink()}`);
    await page.waitForSelector(mapReady, { timeout: 90_000 });
  });
  afterAll(async () => {
    await context.close();
  });

  /** The page's layout checks; with `narrow`, on the phone the same at the narrowest width (axe once: same markup). */
  async function checkLayout({ touch = true, narrow = false } = {}) {
    expect(await layoutProblems(page, { touch, axe: true })).toEqual({});
    if (!phone || !narrow) return;
    const wide = page.viewportSize()!;
    await page.setViewportSize(narrowPhone);
    await page.waitForFunction((width) => window.innerWidth === width, narrowPhone.width);
    expect(await layoutProblems(page, { touch, axe: false })).toEqual({});
    await page.setViewportSize(wide);
    await page.waitForFunction((width) => window.innerWidth === width, wide.width);
  }

  it('a shared link opens the same view: its place and zoom, its layers and its window', async () => {
    const { at } = gridAndDistrict();
    const camera = (await page.locator('.dashboard__map .grid-map').getAttribute('data-map-camera'))!
      .split(',')
      .map(Number);
    expect(camera[0]).toBeCloseTo(at[0], 5);
    expect(camera[1]).toBeCloseTo(at[1], 5);
    expect(camera[2]).toBeCloseTo(10.5, 3);
    const url = new URL(page.url());
    expect([url.searchParams.get('layers'), url.searchParams.get('window')]).toEqual(['grids', '30d']);
    expect(await page.locator('button[aria-pressed="true"]', { hasText: '近30天' }).count()).toBe(1);
  });

  it('a tap on a district on the city map: the tooltip names the grid and the review drills into the district', async () => {
    const { grid, district } = gridAndDistrict();
    const centre = await mapCentre(page);
    await page.touchscreen.tap(centre.x, centre.y);
    await breadcrumbIs(page, district.properties.name);
    expect(new URL(page.url()).searchParams.get('region')).toBe(district.properties.id);
    expect(await page.getByRole('tooltip').innerText()).toContain(grid.properties.name);
  });

  it('opens the layer drawer and turns the grids off: their pixels leave the map', async () => {
    const toggle = page.getByRole('button', { name: '图层' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.map-layer-panel').isVisible()).toBe(false);
    await toggle.tap();
    await page.locator('.map-layer-panel').waitFor();
    const shot = () => page.locator('.dashboard__map .grid-map').screenshot({ scale: 'css' });
    const before = gridPixels(await shot());
    await page.getByRole('checkbox', { name: '网格', exact: true }).tap();
    await page.waitForURL((url) => url.searchParams.get('layers') === '');
    await expect.poll(async () => gridPixels(await shot()), { timeout: 10_000 }).toBeLessThan(before * 0.02);
    expect(before).toBeGreaterThan(5_000);
    // The drawer closes again and gives the map back.
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.locator('.map-layer-panel').waitFor({ state: 'hidden' });
  });

  it('dashboard: nothing overflows sideways, the map is at least half of the first screen, targets fit a finger, axe is content', async () => {
    await showView(page, '/');
    await page.locator('.kpi-cards').first().waitFor({ timeout: 60_000 });
    await checkLayout({ narrow: true });
  });

  it('dashboard: a tap on a ranking row drills into that unit', async () => {
    const row = page.locator('.ranking--best .ranking__drill').first();
    await row.scrollIntoViewIfNeeded();
    const unit = await row.innerText();
    await row.tap();
    await breadcrumbIs(page, unit);
  });

  it('review: the same layout checks', async () => {
    await showView(page, '/?region=140502&compare=previous');
    await page.locator('.compare__table').first().waitFor({ timeout: 60_000 });
    await page.waitForSelector(mapReady, { timeout: 60_000 });
    await checkLayout({ narrow: true });
  });

  it.runIf(phone)('review: the briefing as a portrait image that reads on a phone', async () => {
    const button = page.getByRole('button', { name: '手机竖版图片' });
    await button.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.tap()]);
    expect(download.suggestedFilename()).toMatch(/^gridboard-140502-\d{4}-\d{2}-\d{2}-portrait\.png$/);
    const file = await readFile(await download.path());
    writeFileSync('test-results/briefing-portrait.png', file);
    const image = PNG.sync.read(file);
    // A phone's full width, taller than wide.
    expect(image.width).toBe(1080);
    expect(image.height).toBeGreaterThan(image.width);
    // The heading's ink on the top band (title and lines in dark type), the map's grid fill below it.
    const band = new PNG({ width: image.width, height: 200 });
    PNG.bitblt(image, band, 0, 0, image.width, 200, 0, 0);
    expect(countPixelsNear(PNG.sync.write(band), [13, 20, 69], 60)).toBeGreaterThan(2_000);
    expect(gridPixels(file)).toBeGreaterThan(20_000);
  });

  it.runIf(phone)('the header folds the modes into a menu that opens, switches mode and closes', async () => {
    await showView(page, `/?region=${plannerCommunity}`);
    const nav = page.locator('.app-header__modes');
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: '菜单' });
    await menu.tap();
    await nav.waitFor();
    await nav.getByRole('button', { name: '网格规划' }).tap();
    await page.waitForURL((url) => url.pathname.endsWith('/planner'));
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
  });

  it('planner: the same layout checks', async () => {
    if (!phone) await showView(page, `/planner?region=${plannerCommunity}`);
    expect(new URL(page.url()).searchParams.get('region')).toBe(plannerCommunity);
    await page.locator('.planner-map canvas').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="grid-list"] li').first().waitFor({ timeout: 60_000 });
    await checkLayout();
  });

  it('wall: nothing overflows, the map is at least half of the screen (a display: nothing to touch)', async () => {
    await showView(page, '/wall');
    await page.locator('.wall-kpis').first().waitFor({ timeout: 60_000 });
    await page.waitForSelector(mapReady, { timeout: 60_000 });
    await checkLayout({ touch: false });
  });
});
