import { mkdirSync, writeFileSync } from 'node:fs';
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWindow, toChinaIso } from '../../src/domain/time-window';
import { hotspotColour } from '../../src/map/cases/case-colours';
import { baseUrl, launchBrowser, openPage, type OpenedPage } from './browser';
import { cameraOf, projector } from './map-projection';
import type { Rgb } from './pixels';

/**
 * On a GCJ-02 base map (the demo city's data is WGS84), the live cases and the early-warning marks land on the
 * grids they belong to: each is looked for at the screen position computed here (gcoord's conversion, Web
 * Mercator), and not found where the unconverted position would put it. Skipping the CRS step for either layer
 * moves its marks ≈ 570 m (≈ 300 px at zoom 15) off and fails the check.
 */
interface CityGrid {
  properties: { id: string };
  geometry: Polygon | MultiPolygon;
}
type Position = [number, number];

const zoom = 15;
const tile = PNG.sync.write(new PNG({ width: 256, height: 256 }));
let browser: Browser;
let config: Record<string, unknown>;
let grids: CityGrid[];
const opened: OpenedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
  config = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Record<string, unknown>;
  const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as {
    meta: { crs: string };
    grids: { features: CityGrid[] };
  };
  expect(city.meta.crs).toBe('wgs84');
  grids = city.grids.features;
});
afterAll(async () => {
  await browser.close();
});

const toGcj = (position: Position): Position =>
  gcoord.transform<Position>(position, gcoord.WGS84, gcoord.GCJ02);

/** The dashboard on a GCJ-02 raster base map (blank tiles), with the cases tab open and the stream live. */
async function openOnGcj(path: string): Promise<Page> {
  const basemap = { kind: 'raster', url: '/gcj-test-tiles/{z}/{x}/{y}.png', crs: 'gcj02' };
  const next = await openPage(browser, path);
  opened.push(next);
  const { page, context } = next;
  await context.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...config, basemap }) }),
  );
  await context.route('**/gcj-test-tiles/**', (route) =>
    route.fulfill({ contentType: 'image/png', body: tile }),
  );
  await page.reload();
  await page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 90_000 });
  await page.getByRole('tab', { name: '实时事件' }).click();
  await page.waitForSelector('[data-connection="live"]', { timeout: 60_000 });
  return page;
}

const listedGrids = (page: Page) =>
  page
    .locator('[data-testid="early-warning"] li[data-grid-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-grid-id') ?? ''));

function outerRing(grid: CityGrid): Position[] {
  const ring =
    grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0] : grid.geometry.coordinates[0]?.[0];
  return (ring ?? []).map((position) => [position[0] ?? 0, position[1] ?? 0]);
}

/** Points every few pixels along a ring already on the screen. */
function alongRing(ring: Position[], stepPixels = 6): Position[] {
  const points: Position[] = [];
  ring.slice(1).forEach((end, index) => {
    const start = ring[index]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(end[0] - start[0], end[1] - start[1]) / stepPixels));
    for (let step = 0; step < steps; step += 1)
      points.push([
        start[0] + ((end[0] - start[0]) * step) / steps,
        start[1] + ((end[1] - start[1]) * step) / steps,
      ]);
  });
  return points;
}

const distance = (image: PNG, x: number, y: number, colour: readonly number[]) => {
  const offset = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [0, 1, 2].reduce(
    (sum, channel) => sum + Math.abs((image.data[offset + channel] ?? 0) - colour[channel]!),
    0,
  );
};

/** Whether a pixel within `reach` of (x, y) is this colour (within `tolerance`, summed over RGB). */
function near(image: PNG, x: number, y: number, colour: Rgb, tolerance: number, reach = 2): boolean {
  for (let dy = -reach; dy <= reach; dy += 1)
    for (let dx = -reach; dx <= reach; dx += 1)
      if (distance(image, x + dx, y + dy, colour) <= tolerance) return true;
  return false;
}

/** Whether the two pictures differ at (x, y). */
function differs(a: PNG, b: PNG, x: number, y: number): boolean {
  const offset = (Math.round(y) * a.width + Math.round(x)) * 4;
  return distance(b, x, y, [a.data[offset] ?? 0, a.data[offset + 1] ?? 0, a.data[offset + 2] ?? 0]) > 40;
}

/** The share of the points (inside the middle of the picture, clear of the panels) where `found` holds. */
function shareFound(image: PNG, points: Position[], found: (x: number, y: number) => boolean) {
  const [left, right] = [image.width / 2 - 320, image.width / 2 + 320];
  const [top, bottom] = [image.height / 2 - 320, image.height / 2 + 320];
  const inside = points.filter(([x, y]) => x > left && x < right && y > top && y < bottom);
  return {
    checked: inside.length,
    share: inside.filter(([x, y]) => found(x, y)).length / Math.max(1, inside.length),
  };
}

describe('data on a GCJ-02 base map', () => {
  it('draws live cases and the early-warning marks on their grids, converted once', async () => {
    const overview = await openOnGcj('/?layers=grids&window=7d');
    await expect.poll(() => listedGrids(overview), { timeout: 60_000 }).not.toEqual([]);
    const [flaggedId] = await listedGrids(overview);
    const flagged = grids.find((grid) => grid.properties.id === flaggedId);
    if (!flagged) throw new Error(`no grid ${flaggedId}`);
    const ring = outerRing(flagged);
    const xs = ring.map(([x]) => x);
    const ys = ring.map(([, y]) => y);
    const middle = toGcj([(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2]);

    const page = await openOnGcj(`/?layers=grids,cases&window=7d&map=${middle[0]},${middle[1]},${zoom}`);
    await expect.poll(() => listedGrids(page), { timeout: 60_000 }).toContain(flaggedId);
    const period = resolveWindow({ preset: '7d' }, Date.now());
    const url = `/api/cases?from=${encodeURIComponent(toChinaIso(period.from))}`;
    const cases = await page.evaluate(async (target) => {
      const body = (await (await fetch(target)).json()) as {
        features: { geometry: { coordinates: [number, number] } }[];
      };
      return body.features.map((feature) => feature.geometry.coordinates);
    }, url);
    const map = page.locator('.grid-map');
    const camera = cameraOf((await map.getAttribute('data-map-camera')) ?? '');
    const same = (position: Position) => position;
    // The warning ring, in its colour along the grid's outline, once the hotspot query has answered.
    let withCases = PNG.sync.read(await map.screenshot());
    const outline = (convert: (position: Position) => Position) =>
      shareFound(withCases, alongRing(ring.map(convert).map(projector(camera, withCases))), (x, y) =>
        near(withCases, x, y, hotspotColour, 60),
      );
    await expect
      .poll(
        async () => {
          withCases = PNG.sync.read(await map.screenshot());
          return outline(toGcj).share;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThan(0.6);
    // The case dots: what turning the cases layer off takes away, at each case's position.
    await page.getByRole('checkbox', { name: '事件（实时）' }).uncheck();
    await page.waitForURL((address) => address.searchParams.get('layers') === 'grids');
    let withoutCases = withCases;
    const dots = (convert: (position: Position) => Position) =>
      shareFound(
        withCases,
        cases.map((position) => projector(camera, withCases)(convert(position))),
        (x, y) => differs(withCases, withoutCases, x, y),
      );
    await expect
      .poll(
        async () => {
          withoutCases = PNG.sync.read(await map.screenshot());
          return dots(toGcj).share;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThan(0.8);
    const found = {
      outline: outline(toGcj),
      outlineUnconverted: outline(same),
      cases: dots(toGcj),
      casesUnconverted: dots(same),
    };
    writeFileSync('test-results/gcj-placement.png', PNG.sync.write(withCases));
    writeFileSync('test-results/gcj-placement.json', JSON.stringify(found));
    expect(found.outline.checked).toBeGreaterThan(30);
    expect(found.cases.checked).toBeGreaterThan(10);
    // Where the unconverted positions would put them, the marks are mostly missing.
    expect(found.outlineUnconverted.share).toBeLessThan(found.outline.share / 2);
    expect(found.casesUnconverted.share).toBeLessThan(found.cases.share / 2);
    expect(opened.flatMap((item) => item.errors)).toEqual([]);
  }, 300_000);
});
