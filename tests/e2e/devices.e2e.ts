import { pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { devices, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser';
import { mapShareOfScreen, seriousViolations, sidewaysOverflow, smallTouchTargets } from './device-checks';
import { plannerCommunity } from './planner-page';
import { gridPixels } from './pixels';

/**
 * The leader's phone and tablet: Playwright's device profiles (touch, device scale factor, a mobile viewport) on
 * every page. Nothing scrolls sideways, the map is at least half of the first screen, a finger drills down and
 * opens the layer drawer, every control is big enough to hit, and axe finds nothing serious.
 */
interface CityUnit {
  properties: { id: string; name: string; parentId?: string | null; communityId?: string };
  geometry: Polygon | MultiPolygon;
}
interface City {
  regions: { features: CityUnit[] };
  grids: { features: CityUnit[] };
}

const profiles: Record<'phone' | 'smallPhone' | 'tablet', BrowserContextOptions> = {
  phone: devices['Pixel 7'],
  smallPhone: devices['Galaxy S8'],
  tablet: devices['iPad Mini landscape'],
};

let browser: Browser;
let city: City;
beforeAll(async () => {
  browser = await launchBrowser();
  city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as City;
});
afterAll(async () => {
  await browser.close();
});

async function open(
  profile: BrowserContextOptions,
  path: string,
  ready = '[data-map-ready="true"]',
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ ...profile, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}${path}`);
  await page.waitForSelector(ready, { timeout: 90_000 });
  return { page, close: () => context.close() };
}

const mapReady = '[data-map-ready="true"]';

/** The pages a leader opens, each with what shows that it has finished loading. */
const pages = [
  { name: 'dashboard', path: '/', loaded: '.kpi-cards', ready: mapReady },
  { name: 'review', path: '/?region=140502&compare=previous', loaded: '.compare__table', ready: mapReady },
  {
    name: 'planner',
    path: `/planner?region=${plannerCommunity}`,
    loaded: '[data-testid="grid-list"] li',
    ready: '.planner-map canvas',
  },
  { name: 'wall', path: '/wall', loaded: '.wall-kpis', ready: mapReady },
] as const;

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

// The narrowest phone (360 px) only for the pages with the most text; every page on the phone and the tablet.
const journeys = [
  ...pages.map((spec) => ({ device: 'phone' as const, ...spec })),
  ...pages.map((spec) => ({ device: 'tablet' as const, ...spec })),
  ...pages.slice(0, 2).map((spec) => ({ device: 'smallPhone' as const, ...spec })),
];

describe('every page on phones and a tablet', () => {
  it.each(journeys)(
    '$device, $name: nothing overflows sideways, the map is at least half of the first screen, targets fit a finger',
    async (spec) => {
      const { page, close } = await open(profiles[spec.device], spec.path, spec.ready);
      await page.locator(spec.loaded).first().waitFor({ timeout: 60_000 });
      expect(await sidewaysOverflow(page)).toEqual([]);
      expect(await mapShareOfScreen(page)).toBeGreaterThanOrEqual(0.5);
      // The wall is a display, not a control surface: nothing on it is meant to be touched.
      if (spec.name !== 'wall') expect(await smallTouchTargets(page)).toEqual([]);
      if (spec.device !== 'smallPhone') expect(await seriousViolations(page)).toEqual([]);
      await close();
    },
  );
});

describe.each([
  ['phone', profiles.phone],
  ['tablet', profiles.tablet],
] as const)('a finger on a %s', (_name, profile) => {
  it('taps a district on the city map: the tooltip names the grid and the review drills into the district', async () => {
    const { grid, district, at } = gridAndDistrict();
    const { page, close } = await open(profile, `/?layers=grids&map=${at[0]},${at[1]},10.5`);
    const centre = await mapCentre(page);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.waitForFunction(
      (name) => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === name,
      district.properties.name,
      { timeout: 20_000 },
    );
    expect(new URL(page.url()).searchParams.get('region')).toBe(district.properties.id);
    expect(await page.getByRole('tooltip').innerText()).toContain(grid.properties.name);
    await close();
  });

  it('taps a ranking row to drill into that unit', async () => {
    const { page, close } = await open(profile, '/');
    const row = page.locator('.ranking--best .ranking__drill').first();
    await row.scrollIntoViewIfNeeded();
    const unit = await row.innerText();
    await row.tap();
    await page.waitForFunction(
      (name) => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === name,
      unit,
    );
    await close();
  });

  it('opens the layer drawer and turns the grids off: their pixels leave the map', async () => {
    const { page, close } = await open(profile, '/?layers=grids');
    const toggle = page.getByRole('button', { name: '图层' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.map-layer-panel').isVisible()).toBe(false);
    await toggle.tap();
    await page.locator('.map-layer-panel').waitFor();
    const shot = () => page.locator('.dashboard__map .grid-map').screenshot();
    const before = gridPixels(await shot());
    await page.getByRole('checkbox', { name: '网格', exact: true }).tap();
    await page.waitForURL((url) => url.searchParams.get('layers') === '');
    await page.waitForFunction(() => document.querySelector('.maplibregl-map') !== null);
    await expect.poll(async () => gridPixels(await shot()), { timeout: 10_000 }).toBeLessThan(before * 0.02);
    expect(before).toBeGreaterThan(5_000);
    await close();
  });
});

describe('the header on a phone', () => {
  it('folds the modes into a menu that opens, switches mode and closes', async () => {
    const { page, close } = await open(profiles.phone, '/');
    const nav = page.locator('.app-header__modes');
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: '菜单' });
    await menu.tap();
    await nav.waitFor();
    await nav.getByRole('button', { name: '网格规划' }).tap();
    await page.waitForURL((url) => url.pathname.endsWith('/planner'));
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await close();
  });
});
