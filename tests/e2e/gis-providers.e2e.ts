import { mkdirSync, writeFileSync } from 'node:fs';
import { pointOnFeature } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicyWith } from '../../csp.config';
import { createMockState } from '../../mocks/api/mock-state';
import { parseDemoCity, type DemoCity } from '../../mocks/demo-city';
import { casesSchema, type CaseCollection } from '../../src/contract/schemas/contract.schema';
import { resolveWindow } from '../../src/domain/time-window';
import { startKoopPeer } from '../providers/peers/koop-peer';
import { mapservMissing } from '../providers/peers/ogc-peer';
import type { PeerServer } from '../providers/peers/peer-server';
import { startWfsPeer } from '../providers/peers/wfs-peer';
import { baseUrl, launchBrowser } from './browser';
import { startDeploymentServer, type Deployment, type DeploymentServer } from './deployment-server';
import { gridFillReader, gridPixels } from './pixels';

/**
 * The production build pointed at the GIS servers cities already run (docs/providers.md): the demo city's layers
 * read through WFS 2.0 from MapServer 8, once as GeoJSON and once as GML 3.2, and through an ArcGIS FeatureServer
 * served by Koop whose maxRecordCount is a third of the grids, so paging is needed. Each deployment is checked the
 * same way: grids drawn at the places the source has them (projected here with Web Mercator, independently of
 * the app), background outside the city, and the cases of the window counted as the source has them.
 */

const token = 'gis-e2e-token';
const windowPreset = '30d';
const viewport = { width: 1400, height: 900 };

let browser: Browser | undefined;
let wfs: (PeerServer & { base: string }) | undefined;
let koop: (PeerServer & { layerUrl(layer: string): string }) | undefined;
let site: DeploymentServer | undefined;
let city: DemoCity;
let cases: CaseCollection;
let maxRecordCount = 0;
const configured: { deployment?: Deployment } = {};

beforeAll(async () => {
  // No skip: without MapServer this journey proves nothing, and that must be loud (npm test runs ensure-peers.sh).
  const missing = mapservMissing();
  if (missing) throw new Error(missing);
  mkdirSync('test-results', { recursive: true });
  city = parseDemoCity(await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json());
  const now = new Date();
  const state = createMockState({ city, now, casesPerYear: 3_000, baseUrl: 'http://peer.test' });
  cases = casesSchema.parse({
    type: 'FeatureCollection',
    features: state.cases.records.map((record) => record.wire),
  });
  site = await startDeploymentServer(baseUrl(), () => {
    if (!configured.deployment) throw new Error('the deployment is not configured yet');
    return configured.deployment;
  });
  // About a third of the grids, and never a divisor of their count: the last page comes back short.
  maxRecordCount = Math.ceil(city.grids.features.length / 3) + 1;
  const allowOrigin = site.origin;
  [wfs, koop, browser] = await Promise.all([
    startWfsPeer({ city, cases }, token, { geojson: true, allowOrigin }),
    startKoopPeer({ city, cases }, token, maxRecordCount, { allowOrigin }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([wfs?.close(), koop?.close(), site?.close()]);
});

const layers = ['regions', 'grids', 'cameras', 'stations', 'cases'] as const;

function deploymentOf(source: (layer: string) => object, origin: string): Deployment {
  return {
    config: {
      title: '晋城市网格化治理一张图',
      locale: 'zh-CN',
      mock: false,
      api: { baseUrl: '/api' },
      basemap: { kind: 'none', crs: 'wgs84' },
      sources: Object.fromEntries(layers.map((layer) => [layer, source(layer)])),
    },
    policy: contentSecurityPolicyWith([origin]),
  };
}

/** Web Mercator as MapLibre draws it (512-pixel world at zoom 0), centred on the map's canvas. */
function screenOf(
  [lng, lat]: readonly number[],
  view: { lng: number; lat: number; zoom: number },
  size: { width: number; height: number },
) {
  const world = 512 * 2 ** view.zoom;
  const x = (value: number) => ((value + 180) / 360) * world;
  const y = (value: number) => {
    const phi = (value * Math.PI) / 180;
    return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world;
  };
  return {
    x: x(lng ?? 0) - x(view.lng) + size.width / 2,
    y: y(lat ?? 0) - y(view.lat) + size.height / 2,
  };
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function journey(name: string, deployment: Deployment): Promise<{ page: Page; requests: string[] }> {
  configured.deployment = deployment;
  const context = await browser!.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  const [west, south, east, north] = city.meta.bbox;
  const view = { lng: (west + east) / 2, lat: (south + north) / 2, zoom: 10.5 };
  await page.goto(
    `${site!.origin}/?layers=grids&window=${windowPreset}&map=${view.lng},${view.lat},${view.zoom}`,
  );
  await page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 60_000 });
  const map = page.locator('.grid-map');
  await expect
    .poll(async () => gridPixels(await map.screenshot()), { timeout: 60_000 })
    .toBeGreaterThan(20_000);
  const shot = await map.screenshot();
  writeFileSync(`test-results/gis-${name}.png`, shot);
  const size = (await map.boundingBox()) ?? { width: 0, height: 0 };
  const gridAt = gridFillReader(shot);
  // Every grid, whichever page of the source it came from, is filled at a point inside it; the layer panels
  // (left, 240 px) and the zoom buttons (right, 60 px) are left out of the check.
  const checked = city.grids.features.filter((grid) => {
    const { x, y } = screenOf(pointOnFeature(grid).geometry.coordinates, view, size);
    return x > 240 && y > 2 && x < size.width - 60 && y < size.height - 2;
  });
  const missing = checked.filter((grid) => {
    const { x, y } = screenOf(pointOnFeature(grid).geometry.coordinates, view, size);
    return !gridAt(x, y);
  });
  expect(checked.length, name).toBeGreaterThan(1_000);
  // Region names, district boundaries and the outlines of the small town-centre grids cover some of those points
  // (106 of 1,378 here, the same for every provider); a missing page would leave a third out.
  expect(missing.length, name).toBeLessThan(checked.length / 8);
  // The checked grids come from every third of the source (every page of the ArcGIS read).
  const thirds = new Set(
    checked.map((grid) => Math.floor((3 * city.grids.features.indexOf(grid)) / city.grids.features.length)),
  );
  expect([...thirds].sort(), name).toEqual([0, 1, 2]);
  // With the grids layer off, those places show no grid fill: it was this layer that drew them.
  await page.getByRole('checkbox', { name: '网格', exact: true }).uncheck();
  await expect
    .poll(async () => {
      const off = gridFillReader(await map.screenshot());
      return checked.filter((grid) => {
        const { x, y } = screenOf(pointOnFeature(grid).geometry.coordinates, view, size);
        return off(x, y);
      }).length;
    })
    .toBeLessThan(checked.length / 50);
  // The cases of the window, counted as the source has them.
  const { from, to } = resolveWindow({ preset: windowPreset }, Date.now());
  const inWindow = cases.features.filter((feature) => {
    const reported = Date.parse(feature.properties.reportedAt);
    return reported >= from && reported < to;
  }).length;
  await page.getByRole('tab', { name: '实时事件' }).click();
  await expect
    .poll(async () => digits(await page.getByTestId('case-count').getAttribute('data-count')), {
      timeout: 60_000,
    })
    .toBe(inWindow);
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(errors).toEqual([]);
  for (const url of requests) expect(url).not.toContain(token);
  await context.close();
  return { page, requests };
}

describe('the GIS servers a city already runs, in the browser', () => {
  it('draws the demo grids read through WFS 2.0 from MapServer as GeoJSON', async () => {
    const source = () => ({
      provider: 'wfs',
      url: wfs!.base,
      headers: { Authorization: `Bearer ${token}` },
      options: { pageSize: 2_000 },
    });
    const { requests } = await journey('wfs-geojson', deploymentOf(source, wfs!.origin));
    const getFeature = requests.filter((url) => url.includes('REQUEST=GetFeature'));
    expect(getFeature.length).toBeGreaterThan(0);
    expect(getFeature.every((url) => url.includes('OUTPUTFORMAT=application%2Fjson'))).toBe(true);
  });

  it('draws the demo grids read through WFS 2.0 from MapServer as GML 3.2', async () => {
    const source = () => ({
      provider: 'wfs',
      url: wfs!.base,
      headers: { Authorization: `Bearer ${token}` },
      options: { pageSize: 2_000, format: 'gml' },
    });
    const { requests } = await journey('wfs-gml', deploymentOf(source, wfs!.origin));
    const getFeature = requests.filter((url) => url.includes('REQUEST=GetFeature'));
    expect(getFeature.length).toBeGreaterThan(0);
    expect(getFeature.some((url) => url.includes('OUTPUTFORMAT'))).toBe(false);
  });

  it('draws the demo grids read through an ArcGIS FeatureServer (Koop), paged below maxRecordCount', async () => {
    const source = (layer: string) => ({
      provider: 'arcgis',
      url: koop!.layerUrl(layer),
      headers: { Authorization: `Bearer ${token}` },
    });
    const { requests } = await journey('arcgis-koop', deploymentOf(source, koop!.origin));
    const offsets = requests
      .filter((url) => url.includes('/grids/FeatureServer/0/query'))
      .map((url) => Number(new URL(url).searchParams.get('resultOffset')));
    expect([...new Set(offsets)].sort((a, b) => a - b)).toEqual([0, maxRecordCount, 2 * maxRecordCount]);
  });
});
