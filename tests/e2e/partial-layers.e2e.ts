import { mkdirSync, writeFileSync } from 'node:fs';
import gcoord from 'gcoord';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser } from './browser';
import { gridPixels } from './pixels';
import { reconnect as reconnectPage, serveConfig } from './reconfigure';
import { camera as faultCamera } from '../faults/bodies';

/**
 * A layer that survives bad records, on the production build: the cameras come from a routed feed of 3,000
 * cameras on a lattice. With 5 bad ones the other 2,995 are counted and drawn (pixels at their places, none at the
 * bad ones' places), a notice names the 5, and nothing else changes: no alert, the grids still drawn. With 90 %
 * bad the camera layer fails with its alert.
 */
const feedPath = '/partial-camera-feed';
const columns = 60;
const rows = 50;
const total = columns * rows;
/** Lattice spacing in degrees: about 19 px apart at zoom 15, far more than a dot's 6.5 px radius. */
const step = 0.0004;
const zoom = 15;
const onlineRgb: [number, number, number] = [0, 158, 115];

type Json = Record<string, unknown>;
interface CityMeta {
  meta: { crs: 'wgs84' | 'gcj02'; bbox: [number, number, number, number] };
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let origin: [number, number];
let dataCrs: 'wgs84' | 'gcj02';
let feed = '';
const errors: string[] = [];

const positionOf = (index: number): [number, number] => [
  origin[0] + (index % columns) * step,
  origin[1] + Math.floor(index / columns) * step,
];
/** A valid camera at its lattice point (the fault catalogue's camera, placed here); `geometry` overrides it. */
const camera = (index: number, properties: Json = {}, geometry?: unknown): Json =>
  faultCamera(
    index,
    properties,
    geometry === undefined ? { type: 'Point', coordinates: positionOf(index) } : geometry,
  );
const collection = (features: Json[]) => JSON.stringify({ type: 'FeatureCollection', features });

/** Five bad cameras in the middle of the lattice, each bad in its own way. */
const centre = Math.floor(rows / 2) * columns + Math.floor(columns / 2);
const bad = [centre, centre + 2, centre + 2 * columns, centre + 2 * columns + 2, centre + 4];
function withFiveBad(): string {
  const features = Array.from({ length: total }, (_, index) => camera(index));
  const [unknownStatus, noPurpose, noGeometry, swapped, duplicate] = bad as [
    number,
    number,
    number,
    number,
    number,
  ];
  features[unknownStatus] = camera(unknownStatus, { status: 'broken' });
  features[noPurpose] = camera(noPurpose, { purpose: undefined });
  features[noGeometry] = camera(noGeometry, {}, null);
  const [lng, lat] = positionOf(swapped);
  features[swapped] = camera(swapped, {}, { type: 'Point', coordinates: [lat, lng] });
  // The same id as the first camera: the later of the two is left out.
  features[duplicate] = camera(duplicate, { id: 'FAULT-CAM-0' });
  return collection(features);
}
const mostlyBad = () =>
  collection(
    Array.from({ length: total }, (_, index) => camera(index, index % 10 === 0 ? {} : { status: 'broken' })),
  );

/** Where a lattice point lands in a screenshot of the map, by Web Mercator at the map's centre and zoom. */
function pixelOf(
  position: [number, number],
  centre: [number, number],
  size: { width: number; height: number },
) {
  const world = 512 * 2 ** zoom;
  const x = (lng: number) => ((lng + 180) / 360) * world;
  const y = (lat: number) => {
    const sin = Math.sin((lat * Math.PI) / 180);
    return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  };
  return {
    x: Math.round(x(position[0]) - x(centre[0]) + size.width / 2),
    y: Math.round(y(position[1]) - y(centre[1]) + size.height / 2),
  };
}

/** Pixels near the online camera colour within `radius` of a point. */
function onlinePixelsAround(image: PNG, at: { x: number; y: number }, radius = 3): number {
  let count = 0;
  for (let dy = -radius; dy <= radius; dy += 1)
    for (let dx = -radius; dx <= radius; dx += 1) {
      const offset = ((at.y + dy) * image.width + (at.x + dx)) * 4;
      const d =
        Math.abs((image.data[offset] ?? 0) - onlineRgb[0]) +
        Math.abs((image.data[offset + 1] ?? 0) - onlineRgb[1]) +
        Math.abs((image.data[offset + 2] ?? 0) - onlineRgb[2]);
      if (d <= 30) count += 1;
    }
  return count;
}

async function answer(route: Route): Promise<void> {
  await route.fulfill({ status: 200, contentType: 'application/json', body: feed });
}
const reconnect = () => reconnectPage(page);
const summary = () => page.getByTestId('camera-summary');
const notice = () => page.locator('[role="status"][data-layer="cameras"]');
const camerasAlert = () => page.locator('[role="alert"][data-layer="cameras"]');

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
  const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as CityMeta;
  dataCrs = city.meta.crs;
  const [west, south, east, north] = city.meta.bbox;
  origin = [west + (east - west) * 0.45, south + (north - south) * 0.45];
  feed = collection(Array.from({ length: total }, (_, index) => camera(index)));
  const config = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Json;
  context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await serveConfig(page, {
    ...config,
    refreshSeconds: 5,
    sources: { cameras: { provider: 'rest', url: feedPath } },
  });
  await context.route((url) => url.pathname.startsWith(`${feedPath}/`), answer);
}, 120_000);
afterAll(async () => {
  await browser.close();
});

/** The map's centre on the (WGS84) base map: the lattice's middle, moved as the map moves the data. */
function mapCentre(): [number, number] {
  const [lng, lat] = positionOf(centre + 2 * columns + 2);
  const crs = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 };
  return gcoord.transform<[number, number]>([lng, lat], crs[dataCrs], crs.wgs84);
}
const onBaseMap = (position: [number, number]): [number, number] => {
  const crs = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02 };
  return gcoord.transform<[number, number]>(position, crs[dataCrs], crs.wgs84);
};

describe('a camera layer with bad records', () => {
  it('draws all 3,000 healthy cameras first', async () => {
    const [lng, lat] = mapCentre();
    await page.goto(`${baseUrl()}/?layers=grids,cameras&map=${lng},${lat},${zoom}`);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 90_000 });
    await expect.poll(() => summary().textContent(), { timeout: 30_000 }).toContain('3,000');
    expect(await notice().count()).toBe(0);
  });

  it('draws the 2,995 valid cameras of 3,000 with 5 bad ones, names the 5, and changes nothing else', async () => {
    // The grids below where the notice will sit (it covers a strip at the top of the map, as the alerts do).
    const map = (await page.locator('.grid-map').boundingBox())!;
    const below = (top: number) =>
      page.screenshot({ clip: { x: map.x, y: top, width: map.width, height: map.y + map.height - top } });
    const noticeTop = map.y + 160;
    const gridsBefore = gridPixels(await below(noticeTop));
    feed = withFiveBad();
    await reconnect();
    await expect.poll(() => summary().textContent(), { timeout: 30_000 }).toContain('2,995');
    await expect.poll(() => notice().getAttribute('data-skipped'), { timeout: 10_000 }).toBe('5');
    // Drawn where they are (checked below on this picture): a dot at every valid camera around the bad ones, none
    // where a bad one would be; and the grids drawn as before (the notice's line covers a little of them).
    const shot = await page.locator('.grid-map').screenshot();
    writeFileSync('test-results/partial-layers.png', shot);
    const noticeBox = (await notice().boundingBox())!;
    expect(noticeBox.y + noticeBox.height).toBeLessThan(noticeTop);
    expect(gridPixels(await below(noticeTop))).toBeGreaterThan(gridsBefore * 0.98);
    const line = await notice().locator('p').innerText();
    expect(line).toContain('3000 个要素中已跳过 5 个');
    expect(line).toContain(
      '第 1531 个要素（FAULT-CAM-1530）、第 1533 个要素（FAULT-CAM-1532）、第 1535 个要素（FAULT-CAM-0）等',
    );
    // The full list on demand: every one of the five, by its number and id, with its reason.
    await notice().locator('summary').click();
    const entries = await notice().locator('li').allInnerTexts();
    expect(entries).toEqual([
      '第 1531 个要素（FAULT-CAM-1530）：字段 properties.status 取值未知',
      '第 1533 个要素（FAULT-CAM-1532）：缺少必填字段 properties.purpose',
      '第 1535 个要素（FAULT-CAM-0）：编号重复',
      '第 1651 个要素（FAULT-CAM-1650）：字段 geometry 类型或结构错误',
      '第 1653 个要素（FAULT-CAM-1652）：经纬度颠倒（在城市范围外，互换后在范围内）',
    ]);
    // Nothing else changes: no alert anywhere, the grids drawn as before.
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    const image = PNG.sync.read(shot);
    const size = { width: image.width, height: image.height };
    const around = [-columns - 1, -columns, -columns + 1, -1, 1, columns - 1, columns, columns + 1, 3, 5];
    for (const index of bad.flatMap((spot) => around.map((offset) => spot + offset))) {
      if (bad.includes(index)) continue;
      const at = pixelOf(onBaseMap(positionOf(index)), mapCentre(), size);
      expect(onlinePixelsAround(image, at), `camera ${index} at ${at.x},${at.y}`).toBeGreaterThan(4);
    }
    for (const index of bad) {
      const at = pixelOf(onBaseMap(positionOf(index)), mapCentre(), size);
      expect(onlinePixelsAround(image, at, 2), `bad camera ${index} at ${at.x},${at.y}`).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  it('fails the whole layer with its alert when 90 % of it is bad', async () => {
    feed = mostlyBad();
    await reconnect();
    await camerasAlert().waitFor({ timeout: 30_000 });
    const text = await camerasAlert().innerText();
    expect(text).toContain('视频监控');
    expect(text).toContain('3000 个要素中有 2700 个不合规');
    expect(await notice().count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
