import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Start of each request whose path matches, in ms since navigation (the page's own resource timing). */
const startsOf = (entries: [string, number][], pattern: RegExp) =>
  entries.filter(([name]) => pattern.test(new URL(name).pathname)).map(([, start]) => start);

describe('the first screen', () => {
  it('draws the grids before the review panel reads, and loads the charts’ code only for the panel', async () => {
    const { page, context, errors } = await openPage(browser, '/');
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
    const readyMs = Number(await page.getAttribute('[data-map-ready]', 'data-map-ready-ms'));
    // The panel then fills in: figures, the trend chart and the sparklines, drawn by the lazily loaded Recharts.
    await page.locator('.trend-chart svg.recharts-surface').first().waitFor({ timeout: 120_000 });
    await page.locator('.kpi-card__sparkline svg.recharts-surface').first().waitFor();
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => [entry.name, entry.startTime] as [string, number]),
    );
    const grids = startsOf(entries, /^\/api\/grids$/);
    const indicators = startsOf(entries, /^\/api\/indicators$/);
    const cases = startsOf(entries, /^\/api\/cases$/);
    const charts = startsOf(entries, /^\/assets\/review-charts-[\w-]+\.js$/);
    expect(grids.length).toBe(1);
    expect(grids[0]).toBeLessThan(readyMs);
    // Current and previous period, and the period's cases: none asked before the map was drawn.
    expect(indicators.length).toBeGreaterThanOrEqual(2);
    expect(cases.length).toBeGreaterThanOrEqual(1);
    for (const start of [...indicators, ...cases]) expect(start).toBeGreaterThanOrEqual(readyMs);
    // The charts come in a chunk of their own, fetched when the panel first draws one.
    expect(charts.length).toBe(1);
    expect(charts[0]).toBeGreaterThanOrEqual(readyMs);
    expect(errors).toEqual([]);
    await context.close();
  });
});
