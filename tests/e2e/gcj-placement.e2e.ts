import { mkdirSync, writeFileSync } from 'node:fs';
import { bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWindow } from '../../src/domain/time-window';
import { formatChinaTime } from '../../src/domain/china-time';
import { darkMapBackground } from '../../src/map/base-style';
import { hotspotColour } from '../../src/map/cases/case-colours';
import { gridTypeColours } from '../../src/map/grid-fill';
import { baseUrl, launchBrowser, openPage, type OpenedPage } from './browser';
import { cameraOf, projector, type MapCamera } from './map-projection';
import { rgbOf, type Rgb } from './pixels';

/**
 * On a GCJ-02 base map (the demo city's data is WGS84), the live cases and the early-warning marks land on the
 * grids they belong to: each is looked for at the screen position computed here (gcoord's conversion, Web
 * Mercator), and not found where the unconverted position would put it. Skipping the CRS step for either layer
 * moves its marks ≈ 570 m (≈ 300 px at zoom 15) off and fails the check.
 */
interface CityGrid {
  properties: { id: string; type: string; communityId: string };
  geometry: Polygon | MultiPolygon;
}
interface CityCamera {
  properties: { status: string };
  geometry: { coordinates: Position };
}
type Position = [number, number];

const zoom = 15;
const tile = PNG.sync.write(new PNG({ width: 256, height: 256 }));
let browser: Browser;
let config: Record<string, unknown>;
let grids: CityGrid[];
let cameras: CityCamera[];
const opened: OpenedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
  config = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Record<string, unknown>;
  const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as {
    meta: { crs: string };
    grids: { features: CityGrid[] };
    cameras: { features: CityCamera[] };
  };
  expect(city.meta.crs).toBe('wgs84');
  grids = city.grids.features;
  cameras = city.cameras.features;
});
afterAll(async () => {
  await browser.close();
});

const toGcj = (position: Position): Position =>
  gcoord.transform<Position>(position, gcoord.WGS84, gcoord.GCJ02);

/** Serve `config` with a GCJ-02 raster base map of blank tiles to the context's pages. */
async function onGcjBaseMap(context: BrowserContext, extra: Record<string, unknown> = {}): Promise<void> {
  const basemap = { kind: 'raster', url: '/gcj-test-tiles/{z}/{x}/{y}.png', crs: 'gcj02' };
  await context.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ...config, ...extra, basemap }),
    }),
  );
  await context.route('**/gcj-test-tiles/**', (route) =>
    route.fulfill({ contentType: 'image/png', body: tile }),
  );
}

/** The dashboard on a GCJ-02 raster base map (blank tiles), with the cases tab open and the stream live. */
async function openOnGcj(path: string): Promise<Page> {
  const next = await openPage(browser, path, undefined, undefined, (context) => onGcjBaseMap(context));
  opened.push(next);
  const { page } = next;
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

/**
 * The share of the points where `found` holds, among those within `reach` px of the picture's middle (by default
 * clear of the dashboard's panels).
 */
function shareFound(
  image: PNG,
  points: Position[],
  found: (x: number, y: number) => boolean,
  reach: { x: number; y: number } = { x: 320, y: 320 },
) {
  const [left, right] = [image.width / 2 - reach.x, image.width / 2 + reach.x];
  const [top, bottom] = [image.height / 2 - reach.y, image.height / 2 + reach.y];
  const inside = points.filter(([x, y]) => x > left && x < right && y > top && y < bottom);
  return {
    checked: inside.length,
    share: inside.filter(([x, y]) => found(x, y)).length / Math.max(1, inside.length),
  };
}

const toWgs = (position: Position): Position =>
  gcoord.transform<Position>(position, gcoord.GCJ02, gcoord.WGS84);

/** Web Mercator backwards: CSS pixels from the map's top-left corner to a longitude/latitude on the base map. */
function unprojector(camera: MapCamera, size: { width: number; height: number }) {
  const [lng, lat, zoom] = camera;
  const world = 512 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  const [centreX, centreY] = [
    ((lng + 180) / 360) * world,
    (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world,
  ];
  return (x: number, y: number): Position => {
    const [worldX, worldY] = [centreX + x - size.width / 2, centreY + y - size.height / 2];
    const latitude = (Math.atan(Math.sinh(Math.PI * (1 - (2 * worldY) / world))) * 180) / Math.PI;
    return [(worldX / world) * 360 - 180, latitude];
  };
}

/** The grid-type fill as the wall paints it: the type's colour at 55 % over the dark map. */
const wallFillOf = (type: string): Rgb =>
  rgbOf(gridTypeColours[type as keyof typeof gridTypeColours]).map((value, index) =>
    Math.round(0.55 * value + 0.45 * darkMapBackground[index]!),
  ) as Rgb;

/** The grid that holds a WGS84 position, among `candidates`. */
const gridAt = (candidates: CityGrid[], position: Position) =>
  candidates.find((grid) => booleanPointInPolygon(position, grid.geometry));

/**
 * On a lattice of pixels every 12 px, the pixels where the data as converted (gcoord's GCJ-02 → WGS84 of the pixel's
 * base-map position) and the data drawn unconverted (the identity) fall in grids of different types, so different
 * fills; and the share of those that show each reading's fill. Neighbouring grids often share a type, so only these
 * pixels tell the two readings apart.
 */
function gridFillShares(image: PNG, camera: MapCamera, candidates: CityGrid[]) {
  const toMap = unprojector(camera, image);
  let [checked, converted, unconverted] = [0, 0, 0];
  for (let y = 40; y < image.height - 40; y += 12)
    for (let x = 40; x < image.width - 40; x += 12) {
      const position = toMap(x, y);
      const asConverted = gridAt(candidates, toWgs(position))?.properties.type;
      const asDrawn = gridAt(candidates, position)?.properties.type;
      if (!asConverted || !asDrawn || asConverted === asDrawn) continue;
      checked += 1;
      if (distance(image, x, y, wallFillOf(asConverted)) <= 30) converted += 1;
      if (distance(image, x, y, wallFillOf(asDrawn)) <= 30) unconverted += 1;
    }
  const share = (matched: number) => matched / Math.max(1, checked);
  return { checked, converted: share(converted), unconverted: share(unconverted) };
}

/** Whether something is drawn over the grid fill at (x, y): within 3 px, a pixel that is neither fill nor map. */
function drawnOver(image: PNG, camera: MapCamera, candidates: CityGrid[], x: number, y: number): boolean {
  const grid = gridAt(candidates, toWgs(unprojector(camera, image)(x, y)));
  const plain = [grid ? wallFillOf(grid.properties.type) : null, [...darkMapBackground] as Rgb];
  for (let dy = -3; dy <= 3; dy += 1)
    for (let dx = -3; dx <= 3; dx += 1)
      if (plain.every((colour) => !colour || distance(image, x + dx, y + dy, colour) > 60)) return true;
  return false;
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
    const url = `/api/cases?from=${encodeURIComponent(formatChinaTime(period.from))}`;
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
    // The window's cases in the middle of the view: a dozen or so, more some days than others.
    expect(found.cases.checked).toBeGreaterThanOrEqual(5);
    // Where the unconverted positions would put them, the marks are mostly missing.
    expect(found.outlineUnconverted.share).toBeLessThan(found.outline.share / 2);
    expect(found.casesUnconverted.share).toBeLessThan(found.cases.share / 2);
    expect(opened.flatMap((item) => item.errors)).toEqual([]);
  }, 300_000);
  it('draws the wall’s grids and camera points where the grids are, converted once', async () => {
    // One scene on a community in central Jincheng, close enough that 570 m is a few hundred pixels.
    const community = '140502001001';
    const tour = [{ region: community, layers: ['grids', 'cameras'], seconds: 3_600 }];
    const context = await browser.newContext({ viewport: { width: 3840, height: 2160 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await onGcjBaseMap(context, {
      wall: { designWidth: 3840, designHeight: 2160, tour, idleResumeSeconds: 600 },
    });
    await page.goto(`${baseUrl()}/wall`);
    const map = page.locator('.wall .grid-map');
    await page.waitForSelector('.wall [data-map-ready="true"]', { timeout: 110_000 });
    // Once the map has flown to the community: zoomed in, and the camera the same on two readings.
    let cameraText = '';
    await expect
      .poll(
        async () => {
          const previous = cameraText;
          cameraText = (await map.getAttribute('data-map-camera')) ?? '';
          return cameraText === previous && cameraOf(cameraText)[2] > 13;
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(true);
    const camera = cameraOf(cameraText);
    let picture = PNG.sync.read(await map.screenshot());
    // The grids near the view (0.02° around it), so each pixel is looked up among a few dozen.
    const [west, north] = unprojector(camera, picture)(0, 0);
    const [east, south] = unprojector(camera, picture)(picture.width, picture.height);
    const inGrids = grids.filter((grid) => {
      const [minX, minY, maxX, maxY] = turfBbox(grid.geometry);
      return maxX > west - 0.02 && minX < east + 0.02 && maxY > south - 0.02 && minY < north + 0.02;
    });
    await expect
      .poll(
        async () => {
          picture = PNG.sync.read(await map.screenshot());
          return gridFillShares(picture, camera, inGrids).converted;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0.7);
    const toScreen = projector(camera, picture);
    // Cameras within a cluster's reach of another are drawn as one numbered disc between them: only the cameras
    // standing alone are looked for at their own position. The clusters are made at the whole zoom below the
    // camera's, 60 px there (camera-clusters.ts), so up to twice that on the screen; a quarter more for the
    // clusters of clusters.
    const clusterReach = 60 * 2 ** (camera[2] - Math.floor(camera[2]));
    const onScreen = cameras.map((item) => toScreen(toGcj(item.geometry.coordinates)));
    const alone = cameras.filter((_, index) =>
      onScreen.every(
        (other, otherIndex) =>
          otherIndex === index ||
          Math.hypot(other[0] - onScreen[index]![0], other[1] - onScreen[index]![1]) > clusterReach,
      ),
    );
    const marked = (convert: (position: Position) => Position) =>
      shareFound(
        picture,
        alone.map((item) => toScreen(convert(item.geometry.coordinates))),
        (x, y) => drawnOver(picture, camera, inGrids, x, y),
        // The whole map but its edges and the attribution line.
        { x: picture.width / 2 - 20, y: picture.height / 2 - 40 },
      );
    const found = {
      fills: gridFillShares(picture, camera, inGrids),
      cameras: marked(toGcj),
      camerasUnconverted: marked((position) => position),
    };
    writeFileSync('test-results/gcj-placement-wall.png', PNG.sync.write(picture));
    writeFileSync('test-results/gcj-placement-wall.json', JSON.stringify(found));
    expect(found.fills.checked).toBeGreaterThan(100);
    expect(found.fills.unconverted).toBeLessThan(found.fills.converted / 2);
    expect(found.cameras.checked).toBeGreaterThanOrEqual(5);
    expect(found.cameras.share).toBeGreaterThan(0.8);
    expect(found.camerasUnconverted.share).toBeLessThan(found.cameras.share / 2);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
