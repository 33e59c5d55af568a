import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicyWith } from '../../csp.config';
import { createMockState } from '../../mocks/api/mock-state';
import { parseDemoCity } from '../../mocks/demo-city';
import { casesSchema, type CaseCollection } from '../../src/contract/schemas/contract.schema';
import { resolveWindow } from '../../src/domain/time-window';
import { mapservMissing, startOgcPeer } from '../providers/peers/ogc-peer';
import { jurisdiction, serviceCodes, startOpen311Peer } from '../providers/peers/open311-peer';
import type { PeerServer } from '../providers/peers/peer-server';
import { baseUrl, launchBrowser } from './browser';
import { startDeploymentServer, type Deployment, type DeploymentServer } from './deployment-server';
import { countPixelsNear, gridPixels, mapBackground, type Rgb } from './pixels';
import { droppedFileColour, droppedFileFillAlpha } from '../../src/map/dropped-file.layer';

/**
 * The production build pointed at a city's own systems, as docs/providers.md describes: regions, grids, cameras
 * and stations from a real MapServer 8 (OGC API – Features), cases from a GeoReport v2 endpoint, both on
 * 127.0.0.1 with their own tokens, and no mock. The page is served as a deployment serves it: the production
 * policy with the two origins added to connect-src, nothing else loosened. Indicators are computed in the browser;
 * satisfaction, which Open311 cannot carry, reads "no data".
 */

const background = mapBackground;

const ogcToken = 'ogc-e2e-token';
const open311Token = 'open311-e2e-token';
const windowPreset = '30d';
/** Requests in the window, against a server that cuts every answer at its cap (GeoReport v2 servers do). */
const casesInWindow = 1_200;
const mapServerMaxLimit = 800;
let gridCount = 0;
const open311Cap = 1_000;

let browser: Browser | undefined;
let ogc: (PeerServer & { base: string }) | undefined;
let open311: PeerServer | undefined;
let cases: CaseCollection;
let city: ReturnType<typeof parseDemoCity>;
/** The journey's deployment, changed by the later pages (the specification's example, a capped server). */
const configured: { deployment?: Deployment } = {};
let baseConfig: Record<string, unknown> & { sources: Record<string, unknown> };
let capped: PeerServer | undefined;
/** A few of the city's grids as a GeoJSON file someone might drop on the map. */
let droppedGeoJson = '';
let page: Page;
let site: DeploymentServer | undefined;
let policy = '';
const errors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  // No skip: without MapServer this journey proves nothing, and that must be loud (npm test runs ensure-peers.sh).
  const missing = mapservMissing();
  if (missing) throw new Error(missing);
  mkdirSync('test-results', { recursive: true });
  city = parseDemoCity(await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json());
  gridCount = city.grids.features.length;
  droppedGeoJson = JSON.stringify({
    type: 'FeatureCollection',
    features: city.grids.features.slice(0, 40),
  });
  // The cases end now, so the dashboard's windows (which follow the browser's clock) always hold some.
  const now = new Date();
  const state = createMockState({ city, now, casesPerYear: 18_000, baseUrl: 'http://peer.test' });
  // Exactly 1,200 requests in the dashboard's window, more than the Open311 server's cap of 1,000 per call.
  const { from, to } = resolveWindow({ preset: windowPreset }, now.getTime());
  let kept = 0;
  let outside = 0;
  const features = state.cases.records
    .map((record) => record.wire)
    .filter((wire) => {
      const reported = Date.parse(wire.properties.reportedAt);
      // Outside the window, a sixth of them: the year of indicators stays as light as before.
      if (reported < from || reported >= to) return (outside += 1) % 6 === 0;
      kept += 1;
      return kept <= casesInWindow;
    });
  cases = casesSchema.parse({ type: 'FeatureCollection', features });
  site = await startDeploymentServer(baseUrl(), () => {
    if (!configured.deployment) throw new Error('the deployment is not configured yet');
    return configured.deployment;
  });
  const [ogcPeer, open311Peer, launched] = await Promise.all([
    // MapServer allows at most 800 features a page, below the 1,000 the OGC adapter asks for by default.
    startOgcPeer({ city, cases }, ogcToken, { allowOrigin: site.origin, maxLimit: mapServerMaxLimit }),
    startOpen311Peer({ city, cases }, open311Token, now, {
      allowOrigin: site.origin,
      maxPerCall: open311Cap,
    }),
    launchBrowser(),
  ]);
  [ogc, open311, browser] = [ogcPeer, open311Peer, launched];
  const ogcLayer = {
    provider: 'ogc',
    url: ogcPeer.base,
    headers: { Authorization: `Bearer ${ogcToken}` },
    options: {},
  };
  const config = {
    title: '晋城市网格化治理一张图',
    locale: 'zh-CN',
    mock: false,
    api: { baseUrl: '/api' },
    basemap: { kind: 'none', crs: 'wgs84' },
    sources: {
      regions: ogcLayer,
      grids: ogcLayer,
      cameras: ogcLayer,
      stations: ogcLayer,
      cases: {
        provider: 'open311',
        url: `${open311Peer.origin}/open311/v2`,
        headers: { Authorization: `Bearer ${open311Token}` },
        options: {
          jurisdictionId: jurisdiction,
          maxRequestsPerCall: open311Cap,
          extensions: true,
          categories: Object.fromEntries(
            Object.entries(serviceCodes).map(([category, code]) => [code, category]),
          ),
        },
      },
    },
  };
  baseConfig = config;
  // What the city's web server does: the app's own policy, extended by the data origins, and its config.json.
  policy = contentSecurityPolicyWith([ogcPeer.origin, open311Peer.origin]);
  configured.deployment = { config, policy };
  const context = await launched.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto(`${site.origin}/?layers=grids,cases&window=${windowPreset}`);
  expect(response?.headers()['content-security-policy']).toBe(policy);
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()} ${message.text()}`));
  try {
    await page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 60_000 });
  } catch (error) {
    // What the page saw, for the one who has to find out why (CORS, the policy, a peer's answer).
    writeFileSync('test-results/providers-failed.png', await page.screenshot());
    writeFileSync('test-results/providers-failed.txt', [...requests, ...consoleLines, ...errors].join('\n'));
    throw error;
  }
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([ogc?.close(), open311?.close(), capped?.close(), site?.close()]);
});

const period = () => resolveWindow({ preset: windowPreset }, Date.now());
const inPeriod = () => {
  const { from, to } = period();
  return cases.features.filter((feature) => {
    const reported = Date.parse(feature.properties.reportedAt);
    return reported >= from && reported < to;
  }).length;
};
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe('a city’s own systems: MapServer (OGC API – Features) and Open311, in the browser', () => {
  it('draws the grids MapServer serves, read with the token in a header', async () => {
    const shot = await page.locator('.grid-map').screenshot();
    writeFileSync('test-results/providers-grids.png', shot);
    const drawn = gridPixels(shot);
    expect(drawn).toBeGreaterThan(50_000);
    const itemPages = requests.filter((url) => url.startsWith(`${ogc!.base}/collections/grids/items`));
    // Every grid arrived although MapServer gives at most 800 a page: one page per 800 grids, the last one's
    // offset at the end of the collection, and no notice or alert for the grids.
    expect(gridCount).toBeGreaterThan(mapServerMaxLimit * 2);
    expect(new Set(itemPages).size).toBe(Math.ceil(gridCount / mapServerMaxLimit));
    const offsets = itemPages.map((url) => Number(new URL(url).searchParams.get('offset') ?? 0));
    expect(Math.max(...offsets)).toBe(Math.floor((gridCount - 1) / mapServerMaxLimit) * mapServerMaxLimit);
    expect(await page.locator('[data-layer="grids"]').count()).toBe(0);
    // The grids layer switched off takes those pixels away: they were the OGC grids, not something else.
    await page.getByRole('checkbox', { name: '网格', exact: true }).uncheck();
    await expect
      .poll(async () => gridPixels(await page.locator('.grid-map').screenshot()))
      .toBeLessThan(drawn / 20);
    await page.getByRole('checkbox', { name: '网格', exact: true }).check();
    for (const url of requests) expect(url).not.toMatch(/e2e-token/);
  });

  it('shows indicators computed in the browser from the Open311 cases, satisfaction as no data', async () => {
    const card = (key: string) => page.locator(`.kpi-card[data-indicator="${key}"] .kpi-card__value`);
    await card('casesReported').waitFor({ timeout: 30_000 });
    expect(inPeriod()).toBe(casesInWindow);
    expect(digits(await card('casesReported').textContent())).toBe(casesInWindow);
    // The review's breakdown and funnel count the same cases: 1,200, not the 1,000 of one capped answer.
    await expect
      .poll(async () => digits(await page.locator('.breakdown__total').textContent()), { timeout: 30_000 })
      .toBe(casesInWindow);
    const funnelReported = page.locator('.breakdown__funnel tr[data-stage="reported"] td').first();
    expect(digits(await funnelReported.textContent())).toBe(casesInWindow);
    await expect.poll(() => card('satisfactionRate').textContent()).toBe('无数据');
    // Closed counts as resolved (docs/providers.md): every closed case of the period is a resolved one.
    expect(await card('resolutionRate').textContent()).toMatch(/%$/);
    const resolution = await page
      .locator('.kpi-card[data-indicator="resolutionRate"] .kpi-card__fraction')
      .textContent();
    const [resolved, closed] = (resolution ?? '').split('/').map(digits);
    expect(closed).toBeGreaterThan(0);
    expect(resolved).toBe(closed);
    // No indicator request went anywhere: there is no server to answer it (the worker that computes them in the
    // browser, assets/indicators.worker-….js, is the app's own script, not a data request).
    expect(requests.filter((url) => /\/indicators(\/|$)/.test(new URL(url).pathname))).toEqual([]);
    expect(requests.some((url) => new URL(url).pathname.includes('/assets/indicators.worker'))).toBe(true);
  });

  it('counts the same 1,200 in the rankings (district by district) and on the map, none outside the grids', async () => {
    // Independently: each case's district through its generated grid, the grid's community and the region tree.
    const parentOf = new Map<string, { level: string; name: string; parentId: string | null }>(
      city.regions.features.map((region) => [region.properties.id, region.properties]),
    );
    const communityOf = new Map<string, string>(
      city.grids.features.map((grid) => [grid.properties.id, grid.properties.communityId]),
    );
    const byDistrict = new Map<string, number>();
    const { from, to } = period();
    for (const feature of cases.features) {
      const reported = Date.parse(feature.properties.reportedAt);
      if (reported < from || reported >= to) continue;
      let unit = parentOf.get(communityOf.get(feature.properties.gridId ?? '') ?? '');
      while (unit && unit.level !== 'district') unit = parentOf.get(unit.parentId ?? '');
      if (unit) byDistrict.set(unit.name, (byDistrict.get(unit.name) ?? 0) + 1);
    }
    expect([...byDistrict.values()].reduce((sum, count) => sum + count, 0)).toBe(casesInWindow);
    const rankings = page.locator('section.rankings');
    await rankings.locator('select').nth(0).selectOption('casesReported');
    await rankings.locator('select').nth(1).selectOption('1');
    // The best five and the worst five of the city's six districts name every district with a case.
    const ranked = async () => {
      const rows = await rankings
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.children[1]?.textContent ?? '', tr.children[2]?.textContent ?? ''] as const),
        );
      return new Map(rows.map(([name, value]) => [name, digits(value)]));
    };
    await expect.poll(async () => (await ranked()).size, { timeout: 15_000 }).toBe(byDistrict.size);
    expect(Object.fromEntries(await ranked())).toEqual(Object.fromEntries(byDistrict));
    // The map's legend counts the cases it draws: the same 1,200.
    const legend = page.locator('.map-legend__cases');
    await expect
      .poll(async () => Number(await legend.getAttribute('data-cases-drawn')), { timeout: 30_000 })
      .toBe(casesInWindow);
    expect(digits(await legend.textContent())).toBe(casesInWindow);
    // Every case lies in a grid: no bucket, no note anywhere; and nothing was cut at the cap.
    expect(await page.locator('[data-outside-grids]').count()).toBe(0);
    expect(await page.locator('[data-incomplete]').count()).toBe(0);
  });

  it('lists the Open311 cases of the window, with every step of the read on 127.0.0.1 and no alert', async () => {
    await page.getByRole('tab', { name: '实时事件' }).click();
    const count = page.getByTestId('case-count');
    await expect
      .poll(async () => Number(await count.getAttribute('data-count')), { timeout: 30_000 })
      .toBe(casesInWindow);
    expect(await page.getByTestId('latest-cases').getByRole('listitem').count()).toBeGreaterThan(0);
    // No stream in GeoReport: the cases are polled every refreshSeconds, and the badge says so.
    expect(await page.locator('.case-connection').textContent()).toContain('每 60 秒刷新');
    // A case as Open311 carries it: the channel the configuration names (default other), no satisfaction line.
    await page.getByTestId('latest-cases').getByRole('listitem').first().getByRole('button').click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    const detailText = (await detail.textContent()) ?? '';
    expect(detailText).toContain('渠道其他');
    expect(detailText).not.toContain('满意度');
    writeFileSync('test-results/providers-cases.png', await page.screenshot());
    const windows = requests.filter((url) => url.startsWith(`${open311!.origin}/open311/v2/requests.json`));
    expect(windows.length).toBeGreaterThan(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    const seen = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(seen).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('draws a GeoJSON dropped on the map as a layer of its own, and names a broken file in an alert', async () => {
    // Only the dropped file's colour: its fill at half strength over the empty map.
    const dropFill = droppedFileColour.map((value, index) =>
      Math.round(droppedFileFillAlpha * value + (1 - droppedFileFillAlpha) * background[index]!),
    ) as Rgb;
    const dropPixels = async () =>
      countPixelsNear(await page.locator('.grid-map').screenshot(), dropFill, 24);
    await page.getByRole('checkbox', { name: '网格', exact: true }).uncheck();
    await page.getByRole('checkbox', { name: '事件（实时）', exact: true }).uncheck();
    const before = await dropPixels();
    const drop = (name: string, text: string) =>
      page.evaluate(
        ([fileName, content]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([content!], fileName!, { type: 'application/json' }));
          const target = document.querySelector('.grid-map canvas')!;
          target.dispatchEvent(
            new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }),
          );
          target.dispatchEvent(
            new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
          );
        },
        [name, text],
      );
    await drop('社区网格.geojson', droppedGeoJson);
    const listed = page.getByRole('checkbox', { name: '社区网格.geojson' });
    await listed.waitFor({ timeout: 10_000 });
    // Zoomed to the file: its 40 grids fill a good part of the map once the flight ends.
    await expect.poll(dropPixels, { timeout: 15_000 }).toBeGreaterThan(before + 100_000);
    const shown = await dropPixels();
    writeFileSync('test-results/providers-dropped.png', await page.locator('.grid-map').screenshot());

    await drop('损坏.geojson', '{"type":"FeatureCollection","features":[');
    const alert = page.getByRole('alert').filter({ hasText: '损坏.geojson' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('内容无法按其扩展名的格式读取');
    writeFileSync('test-results/providers-drop-alert.png', await page.locator('.grid-map').screenshot());
    // The broken file changed nothing else: the good one is still drawn and listed.
    expect(await dropPixels()).toBeGreaterThan(shown * 0.9);

    await listed.uncheck();
    await expect.poll(dropPixels).toBeLessThan(before + shown / 20);
    await listed.check();
    await expect.poll(dropPixels).toBeGreaterThan(shown * 0.9);
    await page.getByRole('button', { name: '移除 社区网格.geojson' }).click();
    await expect.poll(() => listed.count()).toBe(0);
    await expect.poll(dropPixels).toBeLessThan(before + shown / 20);
    expect(errors).toEqual([]);
  });
});

/** A fresh page on the deployment with the cases from another source (its origin added to the policy). */
async function openWithCases(cases311: Record<string, unknown>, origin: string, path: string): Promise<Page> {
  const policyWith = contentSecurityPolicyWith([new URL(ogc!.base).origin, open311!.origin, origin]);
  configured.deployment = {
    config: { ...baseConfig, sources: { ...baseConfig.sources, cases: cases311 } },
    policy: policyWith,
  };
  const context = await browser!.newContext({
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const opened = await context.newPage();
  opened.on('pageerror', (error) => errors.push(error.message));
  await opened.goto(`${site!.origin}${path}`);
  await opened.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 60_000 });
  return opened;
}

const kpiValue = (on: Page, key: string) =>
  on.locator(`.kpi-card[data-indicator="${key}"] .kpi-card__value`).textContent();
const noteCount = async (on: Page, place: string, attribute: 'data-outside-grids' | 'data-incomplete') =>
  Number(await on.locator(`[data-place="${place}"][${attribute}]`).getAttribute(attribute));

describe('the GeoReport v2 specification’s own example requests (San Francisco, outside the city)', () => {
  it('counts them in the outside-the-grids bucket, the same in the list, the KPI cards, rankings and map', async () => {
    const specPage = await openWithCases(
      {
        provider: 'open311',
        url: `${open311!.origin}/spec/v2`,
        headers: { Authorization: `Bearer ${open311Token}` },
        options: {},
      },
      open311!.origin,
      '/?layers=grids,cases&from=2010-04-01&to=2010-04-30',
    );
    try {
      // The review: no case of the city, and a note that says the two outside the grids count in no figure.
      await specPage.locator('.kpi-card[data-indicator="casesReported"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => noteCount(specPage, 'kpi', 'data-outside-grids'), { timeout: 30_000 }).toBe(2);
      expect(digits(await kpiValue(specPage, 'casesReported'))).toBe(0);
      expect(await specPage.locator('[data-place="kpi"][data-outside-grids]').textContent()).toContain(
        '网格外 2 件',
      );
      expect(await noteCount(specPage, 'ranking', 'data-outside-grids')).toBe(2);
      expect(digits(await specPage.locator('.breakdown__total').textContent())).toBe(0);
      // The cases tab: the same count (0) and the same note, and the two listed under it by their own ids.
      await specPage.getByRole('tab', { name: '实时事件' }).click();
      const count = specPage.getByTestId('case-count');
      await expect.poll(async () => count.getAttribute('data-count'), { timeout: 30_000 }).toBe('0');
      expect(await noteCount(specPage, 'cases', 'data-outside-grids')).toBe(2);
      const note = specPage.locator('[data-place="cases"][data-outside-grids]');
      await note.locator('summary').click();
      const listed = await note
        .getByTestId('outside-grids-cases')
        .locator('[data-case-id]')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-case-id')));
      expect(listed.sort()).toEqual(['638344', '638349']);
      // The map draws none of them and its legend says why, with the same count.
      expect(await specPage.locator('.map-legend__cases').getAttribute('data-cases-drawn')).toBe('0');
      expect(await noteCount(specPage, 'map', 'data-outside-grids')).toBe(2);
      writeFileSync('test-results/providers-spec-example.png', await specPage.screenshot());
      expect(await specPage.getByRole('alert').count()).toBe(0);
    } finally {
      await specPage.context().close();
    }
  });
});

describe('an Open311 server whose cap two seconds each reach', () => {
  it('says the figures are a lower bound, by the same numbers, on the KPI cards and in the cases tab', async () => {
    const cap = 5;
    // Two instants, each holding one more request than the cap; half a second past the whole second, so each lies
    // inside exactly one of the one-second windows the adapter splits down to.
    const dayStart = period().to - 86_400_000;
    const hot = [dayStart - 3 * 3_600_000 + 500, dayStart - 27 * 3_600_000 + 500];
    const open = cases.features
      .filter((feature) => feature.properties.status !== 'closed')
      .slice(0, 2 * (cap + 1));
    const crowded = open.map((feature, index) => {
      const at = hot[index % 2]!;
      return {
        ...feature,
        properties: {
          ...feature.properties,
          reportedAt: new Date(at).toISOString(),
          dueAt: new Date(at + 7 * 86_400_000).toISOString(),
        },
      };
    });
    capped = await startOpen311Peer(
      { city, cases: { type: 'FeatureCollection', features: crowded } },
      open311Token,
      new Date(),
      { allowOrigin: site!.origin, maxPerCall: cap },
    );
    const cappedPage = await openWithCases(
      {
        provider: 'open311',
        url: `${capped.origin}/open311/v2`,
        headers: { Authorization: `Bearer ${open311Token}` },
        options: { jurisdictionId: jurisdiction, maxRequestsPerCall: cap },
      },
      capped.origin,
      `/?layers=grids,cases&window=${windowPreset}`,
    );
    try {
      // Each second gave its cap: 2 × 5 read, at least that many there (the server holds 2 × 6).
      await expect.poll(() => noteCount(cappedPage, 'kpi', 'data-incomplete'), { timeout: 60_000 }).toBe(2);
      const kpiNote = (await cappedPage.locator('[data-place="kpi"][data-incomplete]').textContent()) ?? '';
      expect(kpiNote).toContain('2 个一秒时段');
      expect(kpiNote).toContain(`上限 ${cap} 条`);
      expect(kpiNote).toContain(`共 ${2 * cap} 条`);
      expect(digits(await kpiValue(cappedPage, 'casesReported'))).toBe(2 * cap);
      await cappedPage.getByRole('tab', { name: '实时事件' }).click();
      const count = cappedPage.getByTestId('case-count');
      await expect
        .poll(async () => Number(await count.getAttribute('data-count')), { timeout: 30_000 })
        .toBe(2 * cap);
      expect(await noteCount(cappedPage, 'cases', 'data-incomplete')).toBe(2);
      expect(await cappedPage.locator('[data-place="cases"][data-incomplete]').textContent()).toBe(kpiNote);
      writeFileSync('test-results/providers-capped.png', await cappedPage.screenshot());
    } finally {
      await cappedPage.context().close();
    }
  });
});
