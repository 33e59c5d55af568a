import AxeBuilder from '@axe-core/playwright';
import { getResponse } from 'msw';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi } from '../../mocks/api/handlers';
import { loadDemoCityOrFixture } from '../../mocks/node';
import { baseUrl, launchBrowser } from './browser';

/**
 * The wall as a public screen, with its data served from here (the mock API's handlers in Node) and altered on
 * the way: every area's open cases set to 1 or 2, a case title carrying a phone number, a name and markup. The wall
 * must show "<N" for the small figure (N = privacy.minimumCount), mask the personal data, show the markup as
 * literal text without running it, and pass axe-core with no serious or critical findings.
 */
const feedPath = '/privacy-feed';
const configPath = '/privacy-config.json';
const minimumCount = 5;
const hostileTitle = '<b>张先生13912345678<img src=x onerror="window.__wallScript=1">';

let browser: Browser;
let page: Page;
const errors: string[] = [];

type Json = Record<string, unknown>;
function alter(path: string, body: Json): Json {
  if (path === '/indicators' && Array.isArray(body.children)) {
    // Every area 1 or 2 open cases: each ranked figure falls under the minimum.
    const children = (body.children as Json[]).map((child, index) => ({
      ...child,
      figures: { ...(child.figures as Json), openCases: 1 + (index % 2) },
    }));
    return { ...body, children };
  }
  if (path === '/cases' && Array.isArray(body.features)) {
    const features = (body.features as Json[]).map((feature) => ({
      ...feature,
      properties: { ...(feature.properties as Json), title: hostileTitle },
    }));
    return { ...body, features };
  }
  return body;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const city = await loadDemoCityOrFixture();
  const { handlers } = createMockApi({ city, baseUrl: `${baseUrl()}${feedPath}`, validateResponses: false });
  const baseConfig = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Json;
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await context.route(
    (url) => url.pathname === configPath,
    (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ...baseConfig,
          mock: false,
          api: { baseUrl: feedPath, headers: {} },
          privacy: { maskPersonalData: true, minimumCount },
        }),
      }),
  );
  await context.route(
    (url) => url.pathname.startsWith(`${feedPath}/`),
    async (route) => {
      const url = route.request().url();
      const path = new URL(url).pathname.slice(feedPath.length);
      const response = await getResponse(handlers, new Request(url));
      if (!response) return route.fulfill({ status: 404, body: 'no such call' });
      const type = response.headers.get('content-type') ?? 'application/json';
      if (!type.includes('json'))
        return route.fulfill({ status: response.status, contentType: type, body: '' });
      const body = alter(path, (await response.json()) as Json);
      return route.fulfill({ status: response.status, contentType: type, body: JSON.stringify(body) });
    },
  );
  await page.goto(`${baseUrl()}/wall?config=${configPath}`);
  await page.waitForSelector('.wall [data-map-ready="true"]', { timeout: 110_000 });
  await page.locator('.wall-ticker__row').first().waitFor({ timeout: 60_000 });
  await page.locator('.wall-ranking__row').first().waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await browser.close();
});

describe('the wall as a public screen', () => {
  it('shows a figure under the configured minimum as "<N"', async () => {
    const figures = await page.locator('.wall-ranking__figure').allInnerTexts();
    expect(figures).toContain(`<${minimumCount}`);
    expect(figures).not.toContain('1');
    expect(figures).not.toContain('2');
  });

  it('masks personal data in case titles and shows markup as text without running it', async () => {
    const titles = await page.locator('.wall-ticker__title').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    const text = titles.join('\n');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('张先生');
    expect(text).toContain('*先生');
    expect(text).toContain('<b>');
    expect(await page.locator('.wall-ticker img, .wall-ticker b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __wallScript?: number }).__wallScript)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('has no serious or critical axe-core violations', async () => {
    const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
    expect(serious).toEqual([]);
  });
});
