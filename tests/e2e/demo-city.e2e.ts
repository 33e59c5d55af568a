import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the demo city in the browser', () => {
  it('is served by the in-page mock on the page’s own origin, with the real division tree', async () => {
    const { page, context, requests } = await openPage(browser, '/');
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    const counts = await page.evaluate(async () => {
      const regions = (await (await fetch('/api/regions')).json()) as {
        features: { properties: { level: string } }[];
      };
      const grids = (await (await fetch('/api/grids')).json()) as { features: unknown[] };
      const levels: Record<string, number> = {};
      for (const feature of regions.features)
        levels[feature.properties.level] = (levels[feature.properties.level] ?? 0) + 1;
      return {
        levels,
        grids: grids.features.length,
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(counts.levels).toEqual({ city: 1, district: 6, street: 77, community: 1729 });
    expect(counts.grids).toBeGreaterThan(4500);
    expect(counts.grids).toBeLessThan(4700);
    expect(counts.controlled).toBe(true);
    // The demo boundaries' source and licence note is credited in the map's attribution.
    await page.waitForFunction(() =>
      document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent.includes('仅供演示'),
    );
    const origin = new URL(baseUrl()).origin;
    const api = requests.filter((url) => url.includes('/api/'));
    expect(api.length).toBeGreaterThan(3);
    expect(
      requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
    ).toEqual([]);
    await context.close();
  });
});
