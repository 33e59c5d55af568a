import { mkdirSync, writeFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHotspotRule, findHotspots } from '../../src/domain/hotspots';
import { formatChinaTime } from '../../src/domain/china-time';
import { hotspotColour } from '../../src/map/cases/case-colours';
import { baseUrl, launchBrowser, openPage, type OpenedPage } from './browser';
import { countPixelsNear } from './pixels';

/**
 * Early warning (未诉先办) on the demo city, from the default view: opening the cases tab lists the grids the
 * rule flags (the same grids the rule finds in the provider's cases), states the rule, and marks those grids on
 * the map in the warning colour; centred on a listed grid, the mark sits on it.
 */
interface CityGrid {
  properties: { id: string; name: string };
  geometry: Polygon | MultiPolygon;
}

const dayMs = 86_400_000;
let browser: Browser;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

async function openCasesTab(path: string): Promise<Page> {
  const next = await openPage(browser, path);
  opened.push(next);
  await next.page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 90_000 });
  return next.page;
}

const warningRows = (page: Page) => page.locator('[data-testid="early-warning"] li[data-grid-id]');
const listedGrids = (page: Page) =>
  warningRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-grid-id') ?? ''));
const mapShot = (page: Page) => page.locator('.grid-map').screenshot();

/** The grids the rule flags in what the provider returns for the last nine weeks, judged in Node. */
async function flaggedByProvider(page: Page): Promise<string[]> {
  const now = Date.now();
  const from = now - 7 * (defaultHotspotRule.baselineWeeks + 1) * dayMs - dayMs;
  const url = `/api/cases?from=${encodeURIComponent(formatChinaTime(from))}&to=${encodeURIComponent(formatChinaTime(now + dayMs))}`;
  const cases = await page.evaluate(async (target) => {
    const response = await fetch(target);
    const body = (await response.json()) as {
      features: { properties: { gridId: string | null; reportedAt: string } }[];
    };
    return body.features.map((feature) => feature.properties);
  }, url);
  return findHotspots(cases, now).map((hotspot) => hotspot.gridId);
}

/** The middle of a grid's outer ring's extent, where the map draws its warning ring. */
function middleOf(grid: CityGrid): [number, number] {
  const ring =
    (grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0]?.[0]) ??
    [];
  const xs = ring.map((position) => position[0] ?? 0);
  const ys = ring.map((position) => position[1] ?? 0);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** Pixels of the warning colour in a square of `half` pixels either side of the picture's centre. */
function warningPixelsNearCentre(png: Buffer, half: number): number {
  const image = PNG.sync.read(png);
  const crop = new PNG({ width: 2 * half, height: 2 * half });
  PNG.bitblt(image, crop, image.width / 2 - half, image.height / 2 - half, 2 * half, 2 * half, 0, 0);
  return countPixelsNear(PNG.sync.write(crop), hotspotColour, 40);
}

describe('early warning on the demo city', () => {
  let flagged: string[] = [];

  it('lists the flagged grids on the default view, states the rule, and marks them on the map', async () => {
    const page = await openCasesTab('/');
    const before = countPixelsNear(await mapShot(page), hotspotColour, 40);
    await page.getByRole('tab', { name: '实时事件' }).click();
    const warning = page.getByTestId('early-warning');
    await expect.poll(() => warningRows(page).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const rule = await warning.locator('.case-warning__rule').innerText();
    const { minimumCases, baselineWeeks, sigmas, minimumRatio } = defaultHotspotRule;
    expect(rule).toContain(`不少于 ${minimumCases} 件`);
    expect(rule).toContain(`前 ${baselineWeeks} 周`);
    expect(rule).toContain(`${sigmas}×√周均值`);
    expect(rule).toContain(`${minimumRatio} 倍`);
    // The list is the rule applied to the provider's cases. Polled past the page's 30-second clock tick: the
    // stream may tip a grid meanwhile, and the page judges at its last tick, this test at its own now.
    await expect
      .poll(async () => [(await listedGrids(page)).sort(), (await flaggedByProvider(page)).sort()], {
        timeout: 40_000,
      })
      .toSatisfy(([listed, judged]) => JSON.stringify(listed) === JSON.stringify(judged));
    flagged = await listedGrids(page);
    expect(before).toBeLessThan(50);
    // Each warning ring is ~250 pixels of the warning colour at city zoom; neighbouring rings may overlap. Polled
    // until the frame with the rings is drawn.
    let shot = await mapShot(page);
    await expect
      .poll(
        async () => {
          shot = await mapShot(page);
          return countPixelsNear(shot, hotspotColour, 40) - before;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(100 * flagged.length);
    writeFileSync('test-results/early-warning-city.png', shot);
    await page.screenshot({ path: 'test-results/early-warning-page.png' });
    await warning.screenshot({ path: 'test-results/early-warning-list.png' });
  });

  it('marks the first listed grid where it lies', async () => {
    expect(flagged.length).toBeGreaterThan(0);
    const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as {
      grids: { features: CityGrid[] };
    };
    const grid = city.grids.features.find((feature) => feature.properties.id === flagged[0]);
    if (!grid) throw new Error(`no grid ${flagged[0]}`);
    const [lng, lat] = middleOf(grid);
    const page = await openCasesTab(`/?map=${lng},${lat},13`);
    const quiet = warningPixelsNearCentre(await mapShot(page), 40);
    await page.getByRole('tab', { name: '实时事件' }).click();
    await expect.poll(() => listedGrids(page), { timeout: 60_000 }).toContain(grid.properties.id);
    expect(quiet).toBeLessThan(20);
    let shot = await mapShot(page);
    await expect
      .poll(
        async () => {
          shot = await mapShot(page);
          return warningPixelsNearCentre(shot, 40);
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(150);
    writeFileSync('test-results/early-warning-grid.png', shot);
    expect(opened.flatMap((item) => item.errors)).toEqual([]);
  });
});
