import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicyWith } from '../../csp.config';
import { parseDemoCity, type DemoCity } from '../../mocks/demo-city';
import { baseUrl, launchBrowser } from './browser';
import { startDeploymentServer, type Deployment, type DeploymentServer } from './deployment-server';
import { countPixelsNear, gridFillReader, gridPixels, mapBackground, type Rgb } from './pixels';

/**
 * An intranet WMTS base map (docs/configuration.md, "Base map presets"): a tile tree served on 127.0.0.1 with its
 * WMTSCapabilities.xml, each PNG generated here with pngjs. Tiles are the map's background colour with a faint
 * checker (odd tiles a shade darker) and a 1-px border, and a magenta marker block centred on one known lon/lat at
 * every zoom. The app finds the Web Mercator tile matrix set and the tile template in the capabilities; the journey
 * checks the marker is drawn where Web Mercator (computed here, independently of the app) puts that lon/lat, and
 * the demo grids are filled over the base map where they are.
 */

const viewport = { width: 1400, height: 900 };
const marker: Rgb = [230, 0, 200];
const markerHalf = 8;
const tileSize = 256;

let browser: Browser | undefined;
let tiles: (Server & { origin: string; requests: string[] }) | undefined;
let site: DeploymentServer | undefined;
let city: DemoCity;
let markerAt: [number, number] = [0, 0];
/** The map's canvas (the page's header takes the rest), measured with no base map. */
let size = { ...viewport };
const configured: { deployment?: Deployment } = {};

/** Web Mercator world pixel of a lon/lat at a zoom, for a world `size` pixels wide at zoom 0. */
function worldOf([lng, lat]: readonly number[], zoom: number, size: number) {
  const world = size * 2 ** zoom;
  const phi = ((lat ?? 0) * Math.PI) / 180;
  return {
    x: (((lng ?? 0) + 180) / 360) * world,
    y: ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world,
  };
}

/** Where MapLibre draws a lon/lat (512-pixel world at zoom 0), the view centred on the canvas. */
function screenOf(point: readonly number[], view: { lng: number; lat: number; zoom: number }) {
  const at = worldOf(point, view.zoom, 512);
  const centre = worldOf([view.lng, view.lat], view.zoom, 512);
  return { x: at.x - centre.x + size.width / 2, y: at.y - centre.y + size.height / 2 };
}

function tilePng(z: number, x: number, y: number): Buffer {
  const png = new PNG({ width: tileSize, height: tileSize });
  const shade = (x + y) % 2 === 0 ? 0 : 4;
  const centre = worldOf(markerAt, z, tileSize);
  const markerX = centre.x - x * tileSize;
  const markerY = centre.y - y * tileSize;
  for (let row = 0; row < tileSize; row += 1) {
    for (let col = 0; col < tileSize; col += 1) {
      const border = row === 0 || col === 0;
      const inMarker =
        Math.abs(col + 0.5 - markerX) <= markerHalf && Math.abs(row + 0.5 - markerY) <= markerHalf;
      const colour: Rgb = inMarker
        ? marker
        : border
          ? [200, 206, 212]
          : [mapBackground[0] - shade, mapBackground[1] - shade, mapBackground[2] - shade];
      const offset = (row * tileSize + col) * 4;
      png.data[offset] = colour[0];
      png.data[offset + 1] = colour[1];
      png.data[offset + 2] = colour[2];
      png.data[offset + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

function capabilitiesXml(): string {
  const matrices = Array.from({ length: 19 }, (_, zoom) => {
    const count = 2 ** zoom;
    return `<TileMatrix><ows:Identifier>${zoom}</ows:Identifier>
      <ScaleDenominator>${559082264.0287178 / count}</ScaleDenominator>
      <TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner>
      <TileWidth>${tileSize}</TileWidth><TileHeight>${tileSize}</TileHeight>
      <MatrixWidth>${count}</MatrixWidth><MatrixHeight>${count}</MatrixHeight></TileMatrix>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:ServiceIdentification><ows:Title>晋城市政务底图</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType>
    <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion></ows:ServiceIdentification>
  <Contents>
    <Layer>
      <ows:Title>底图</ows:Title><ows:Identifier>jincheng-base</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile"
        template="tiles/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>GoogleMapsCompatible</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>
      <WellKnownScaleSet>urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible</WellKnownScaleSet>
      ${matrices}
    </TileMatrixSet>
  </Contents>
</Capabilities>`;
}

async function startTileServer(): Promise<Server & { origin: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push(path);
    const cors = { 'access-control-allow-origin': '*' };
    if (path === '/wmts/1.0.0/WMTSCapabilities.xml') {
      response.writeHead(200, { ...cors, 'content-type': 'application/xml; charset=utf-8' });
      response.end(capabilitiesXml());
      return;
    }
    const tile = /^\/wmts\/1\.0\.0\/tiles\/GoogleMapsCompatible\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(path);
    if (tile) {
      const [z, y, x] = tile.slice(1).map(Number) as [number, number, number];
      response.writeHead(200, { ...cors, 'content-type': 'image/png' });
      response.end(tilePng(z, x, y));
      return;
    }
    response.writeHead(404, cors);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(server, { origin: `http://127.0.0.1:${port}`, requests });
}

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true });
  city = parseDemoCity(await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json());
  site = await startDeploymentServer(baseUrl(), () => {
    if (!configured.deployment) throw new Error('the deployment is not configured yet');
    return configured.deployment;
  });
  [tiles, browser] = await Promise.all([startTileServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  if (tiles) {
    tiles.closeAllConnections();
    await new Promise((resolve) => tiles?.close(resolve));
  }
  await site?.close();
});

function viewOfCity() {
  const [w, s, e, n] = city.meta.bbox;
  return { lng: (w + e) / 2, lat: (s + n) / 2, zoom: 9.5 };
}

/** A place on screen, right of the layer panel, that no grid covers (nearest the centre): where the marker is put. */
function markerPlace(view: { lng: number; lat: number; zoom: number }): [number, number] {
  const centre = worldOf([view.lng, view.lat], view.zoom, 512);
  const world = 512 * 2 ** view.zoom;
  const lonLatOf = (x: number, y: number): [number, number] => {
    const wx = x - size.width / 2 + centre.x;
    const wy = y - size.height / 2 + centre.y;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * wy) / world))) * 180) / Math.PI;
    return [(wx / world) * 360 - 180, lat];
  };
  const places: [number, number][] = [];
  for (let x = 320; x < size.width - 100; x += 24)
    for (let y = 60; y < size.height - 60; y += 24) places.push([x, y]);
  places.sort(
    (a, b) =>
      Math.hypot(a[0] - size.width / 2, a[1] - size.height / 2) -
      Math.hypot(b[0] - size.width / 2, b[1] - size.height / 2),
  );
  for (const [x, y] of places) {
    const place = lonLatOf(x, y);
    // Clear of every grid by the marker's size too, so only the base map is drawn around it.
    const clear = [-16, 0, 16].every((dx) =>
      [-16, 0, 16].every((dy) => {
        const probe = lonLatOf(x + dx, y + dy);
        return !city.grids.features.some((grid) => booleanPointInPolygon(probe, grid));
      }),
    );
    if (clear) return place;
  }
  throw new Error('no place outside the grids on screen');
}

const near = (pixel: readonly number[], colour: Rgb, tolerance: number) =>
  colour.reduce((sum, value, index) => sum + Math.abs(value - (pixel[index] ?? 0)), 0) <= tolerance;

function pixelReader(png: Buffer) {
  const image = PNG.sync.read(png);
  return (x: number, y: number) => {
    const offset = (Math.round(y) * image.width + Math.round(x)) * 4;
    return [image.data[offset] ?? 0, image.data[offset + 1] ?? 0, image.data[offset + 2] ?? 0];
  };
}

async function openWith(basemap: object): Promise<{ page: Page; shot: Buffer; alerts: number }> {
  const base = (await (await fetch(`${baseUrl()}/config.json`)).json()) as object;
  configured.deployment = {
    config: { ...base, basemap },
    policy: contentSecurityPolicyWith([tiles!.origin]),
  };
  const context = await browser!.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const view = viewOfCity();
  await page.goto(`${site!.origin}/?layers=grids&map=${view.lng},${view.lat},${view.zoom}`);
  await page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 60_000 });
  const map = page.locator('.grid-map');
  await expect
    .poll(async () => gridPixels(await map.screenshot()), { timeout: 60_000 })
    .toBeGreaterThan(20_000);
  expect(errors).toEqual([]);
  const shot = await map.screenshot();
  writeFileSync('test-results/base-map-opened.png', shot);
  return { page, shot, alerts: await page.getByRole('alert').count() };
}

describe('an intranet WMTS base map', () => {
  it('draws the tiles the capabilities describe under the grids, the data aligned with them', async () => {
    const view = viewOfCity();
    // Without the base map (the feature removed), nothing of the marker's colour is drawn anywhere.
    const plain = await openWith({ kind: 'none' });
    size = (await plain.page.locator('.grid-map').boundingBox()) ?? size;
    expect(countPixelsNear(plain.shot, marker, 40)).toBe(0);
    await plain.page.context().close();
    markerAt = markerPlace(view);
    const { x, y } = screenOf(markerAt, view);
    const { page, alerts } = await openWith({
      kind: 'wmts',
      url: `${tiles!.origin}/wmts/1.0.0/WMTSCapabilities.xml`,
      wmts: { layer: 'jincheng-base' },
      crs: 'wgs84',
      attribution: '测试底图',
    });
    const map = page.locator('.grid-map');
    // The marker is drawn where Web Mercator puts its lon/lat (the block is ~11 screen px wide at this zoom).
    await expect
      .poll(async () => near(pixelReader(await map.screenshot())(x, y), marker, 40), { timeout: 30_000 })
      .toBe(true);
    const shot = await map.screenshot();
    writeFileSync('test-results/base-map-wmts.png', shot);
    const pixelAt = pixelReader(shot);
    for (const [dx, dy] of [
      [-3, -3],
      [3, 3],
      [3, -3],
      [-3, 3],
    ] as const)
      expect(near(pixelAt(x + dx, y + dy), marker, 40), `marker at ${dx},${dy}`).toBe(true);
    // …and not 12 px away from it: misplaced tiles (rows and columns swapped, GCJ-02 shift) miss the check.
    for (const [dx, dy] of [
      [-14, 0],
      [14, 0],
      [0, -14],
      [0, 14],
    ] as const)
      expect(near(pixelAt(x + dx, y + dy), marker, 120), `outside the marker at ${dx},${dy}`).toBe(false);
    // The tiles came from the template found in the capabilities, at the zoom MapLibre asks for at 9.5 (10 or 11).
    expect(tiles!.requests).toContain('/wmts/1.0.0/WMTSCapabilities.xml');
    expect(
      tiles!.requests.some((path) =>
        /^\/wmts\/1\.0\.0\/tiles\/GoogleMapsCompatible\/1[01]\/\d+\/\d+\.png$/.test(path),
      ),
    ).toBe(true);
    // The grids are filled over the base map where they are.
    const gridAt = gridFillReader(shot);
    const checked = city.grids.features
      .map((grid) => screenOf(pointOnFeature(grid).geometry.coordinates, view))
      .filter(
        (point) => point.x > 240 && point.y > 2 && point.x < size.width - 60 && point.y < size.height - 2,
      );
    const missing = checked.filter((point) => !gridAt(point.x, point.y));
    expect(checked.length).toBeGreaterThan(1_000);
    expect(missing.length).toBeLessThan(checked.length / 8);
    expect(alerts).toBe(0);
    await page.context().close();
  });

  it('names the base map in an alert and still draws the grids when the capabilities cannot be read', async () => {
    const { page, alerts } = await openWith({ kind: 'wmts', url: `${tiles!.origin}/wmts/missing.xml` });
    expect(alerts).toBe(1);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('WMTS base map: GetCapabilities answered HTTP 404');
    await page.context().close();
  });
});
