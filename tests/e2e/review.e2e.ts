import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedWindow } from './asked-window';
import { baseUrl, launchBrowser, openPage, type OpenedPage } from './browser';
import { countChangedPixels, countNonBackgroundPixels, countPixelsNear } from './pixels';
import { PNG } from 'pngjs';
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/**
 * One district’s review, opened once and read by every test that only looks at it (figures, breakdown, export,
 * briefing last, as printing changes the media): each page load of the demo city costs seconds of CI.
 */
const district = '140502';
let districtPage: Promise<OpenedPage> | undefined;
const openDistrict = () => (districtPage ??= openPage(browser, `/?region=${district}&window=30d`));

interface CaseFacts {
  gridId: string | null;
  reportedAt: string;
  closedAt: string | null;
  dueAt: string;
  resolved: boolean | null;
  satisfaction: string | null;
}
interface ReviewFigures {
  casesReported: number;
  resolutionRate: [number, number];
  satisfactionRate: [number, number];
  onTimeRate: [number, number];
}

/** The figures as docs/api.md defines them, counted here from the cases (not with the app's indicators code). */
function figuresInNode(cases: CaseFacts[], from: number, to: number): ReviewFigures {
  const inWindow = (time: number) => time >= from && time < to;
  const closed = cases.filter((facts) => facts.closedAt !== null && inWindow(Date.parse(facts.closedAt)));
  const rated = closed.filter((facts) => facts.satisfaction !== null);
  return {
    casesReported: cases.filter((facts) => inWindow(Date.parse(facts.reportedAt))).length,
    resolutionRate: [closed.filter((facts) => facts.resolved === true).length, closed.length],
    satisfactionRate: [rated.filter((facts) => facts.satisfaction !== 'dissatisfied').length, rated.length],
    onTimeRate: [
      closed.filter((facts) => Date.parse(facts.closedAt!) <= Date.parse(facts.dueAt)).length,
      closed.length,
    ],
  };
}

/** The KPI cards' figures: the count, and each rate's numerator and denominator ("1,234 / 1,500"). */
async function shownFigures(page: Page): Promise<ReviewFigures> {
  const text = (indicator: string, part: string) =>
    page.locator(`.kpi-card[data-indicator="${indicator}"] .kpi-card__${part}`).innerText();
  const count = (value: string) => Number(value.replace(/[^\d]/g, ''));
  const fraction = async (indicator: string): Promise<[number, number]> => {
    const [numerator = '', denominator = ''] = (await text(indicator, 'fraction')).split('/');
    return [count(numerator), count(denominator)];
  };
  return {
    casesReported: count(await text('casesReported', 'value')),
    resolutionRate: await fraction('resolutionRate'),
    satisfactionRate: await fraction('satisfactionRate'),
    onTimeRate: await fraction('onTimeRate'),
  };
}

describe('the leader’s review', () => {
  it('shows city-wide KPIs with numerator and denominator, drills down by a ranking row and back', async () => {
    const { page, context, errors } = await openPage(browser, '/?window=365d');
    const resolution = page.locator('.kpi-card[data-indicator="resolutionRate"]');
    await resolution.waitFor({ timeout: 60_000 });
    expect(await resolution.locator('.kpi-card__value').innerText()).toMatch(/^\d{1,3}\.\d%$/);
    expect(await resolution.locator('.kpi-card__fraction').innerText()).toMatch(/^[\d,]+ \/ [\d,]+$/);
    expect(await page.locator('.breadcrumb [aria-current="page"]').innerText()).toBe('晋城市');

    const firstRow = page.locator('.ranking--best .ranking__drill').first();
    const unitName = await firstRow.innerText();
    await firstRow.click();
    await page.waitForURL(/region=\d+/);
    await page.waitForFunction(
      (name) => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === name,
      unitName,
    );
    const drilledRegion = new URL(page.url()).searchParams.get('region');
    await page.locator('.review[data-region]').first().waitFor();
    expect(await page.locator('.review').getAttribute('data-region')).toBe(drilledRegion);

    await page.goBack();
    await page.waitForFunction(
      () => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === '晋城市',
    );
    await page.goForward();
    await page.waitForFunction(
      (name) => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === name,
      unitName,
    );
    await page.locator('.breadcrumb button').first().click();
    await page.waitForFunction(
      () => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === '晋城市',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the KPI figures that the provider’s cases give, computed here in Node', async () => {
    const { page, requests } = await openDistrict();
    await page
      .locator('.kpi-card[data-indicator="onTimeRate"] .kpi-card__fraction')
      .waitFor({ timeout: 60_000 });
    // The district's grids by the division code their ids start with, from the city file, not the app's tree.
    const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as {
      grids: { features: { properties: { id: string } }[] };
    };
    const grids = new Set(
      city.grids.features.map((grid) => grid.properties.id).filter((id) => id.startsWith(district)),
    );
    expect(grids.size).toBeGreaterThan(10);
    let shown: ReviewFigures | null = null;
    let computed: ReviewFigures | null = null;
    // Polled: a refresh may move the page's window on between one reading and the next.
    await expect
      .poll(
        async () => {
          const { from, to } = askedWindow(requests, district);
          shown = await shownFigures(page);
          // Every case reported up to two years before the window: a case closed in it may be that old.
          const earlier = new Date(Date.parse(from) - 2 * 365 * 86_400_000).toISOString();
          const cases = await page.evaluate(
            async (url) => {
              const body = (await (await fetch(url)).json()) as { features: { properties: CaseFacts }[] };
              return body.features.map((feature) => feature.properties);
            },
            `/api/cases?from=${encodeURIComponent(earlier)}&to=${encodeURIComponent(to)}`,
          );
          computed = figuresInNode(
            cases.filter((facts) => facts.gridId !== null && grids.has(facts.gridId)),
            Date.parse(from),
            Date.parse(to),
          );
          return JSON.stringify(shown) === JSON.stringify(computed);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(shown).toEqual(computed);
    expect(computed!.casesReported).toBeGreaterThan(0);
    expect(computed!.resolutionRate[1]).toBeGreaterThan(0);
  });

  it('reproduces the same view and figures from a copied URL', async () => {
    // A page of its own, opened just before the copy: a long-open page's window has moved on since.
    const first = await openPage(browser, '/?window=90d&region=140502');
    const value = first.page.locator('.kpi-card[data-indicator="satisfactionRate"] .kpi-card__fraction');
    await value.waitFor({ timeout: 60_000 });
    const figures = await value.innerText();
    const url = first.page.url();
    await first.context.close();
    const second = await openPage(browser, new URL(url).pathname + new URL(url).search);
    const again = second.page.locator('.kpi-card[data-indicator="satisfactionRate"] .kpi-card__fraction');
    await again.waitFor({ timeout: 60_000 });
    expect(await again.innerText()).toBe(figures);
    expect(await second.page.locator('.breadcrumb [aria-current="page"]').innerText()).toBe('城区');
    await second.context.close();
  });

  it('colours the child units by the chosen indicator, from the URL', async () => {
    const { page, context } = await openPage(browser, '/?layers=grids');
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    // The five classes of the sequential palette (src/map/grid-fill.ts), none of which the type fill takes, as
    // drawn: at the fill's 0.8 opacity over the map's background. All five, not the two ends alone: which units
    // fall in the end classes moves with the day's data (six districts may make four classes, none the lightest).
    const shot = () => page.locator('.grid-map').screenshot();
    const background = [238, 241, 245];
    const palette = [
      [255, 255, 204],
      [161, 218, 180],
      [65, 182, 196],
      [44, 127, 184],
      [37, 52, 148],
    ].map((colour) =>
      colour.map((value, channel) => Math.round(value * 0.8 + background[channel]! * 0.2)),
    ) as [number, number, number][];
    const classPixels = (png: Buffer) =>
      palette.reduce((sum, colour) => sum + countPixelsNear(png, colour, 30), 0);
    const byType = await shot();
    await page.locator('.indicator-choropleth select').selectOption('resolutionRate');
    await page.waitForURL((url) => url.searchParams.get('indicator') === 'resolutionRate');
    await page.locator('.indicator-choropleth__classes li').first().waitFor();
    // Repainting the whole city takes a few frames on a loaded machine: wait for it rather than for a fixed time.
    // Most of the map's area must change colour, and the palette's end classes must appear where they were absent.
    await expect
      .poll(
        async () => {
          const { changed, total } = countChangedPixels(byType, await shot());
          return changed / total;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0.2);
    const byIndicator = await shot();
    writeFileSync('test-results/review-choropleth.png', byIndicator);
    const counted = { byType: classPixels(byType), byIndicator: classPixels(byIndicator) };
    writeFileSync('test-results/review-choropleth-pixels.json', JSON.stringify(counted));
    expect(counted.byIndicator).toBeGreaterThan(counted.byType * 4);
    expect(await page.locator('.indicator-choropleth__classes li').count()).toBeGreaterThan(1);
    await context.close();
  });

  it('compares two districts side by side, and a district with its previous period', async () => {
    const { page, context } = await openPage(browser, '/?region=140502&compare=140525');
    const row = page.locator('.compare__table tr[data-indicator="casesReported"]');
    await row.waitFor({ timeout: 60_000 });
    const headers = await page.locator('.compare__table thead th').allInnerTexts();
    expect(headers.slice(1, 3)).toEqual(['城区', '泽州县']);
    const cells = await row.locator('td').allInnerTexts();
    const [a, b, difference] = cells.map((text) => Number(text.replace(/[^\d.-]/g, '')));
    expect(difference).toBe((a ?? 0) - (b ?? 0));
    await page.locator('.compare select').selectOption('previous');
    await page.waitForURL((url) => url.searchParams.get('compare') === 'previous');
    await page.waitForFunction(
      () => document.querySelectorAll('.compare__table thead th')[2]?.textContent === '上一同期',
    );
    await context.close();
  });

  it('breaks the window’s cases down by category, channel and loop stage, adding up to the KPI', async () => {
    const { page } = await openDistrict();
    await page.locator('.breakdown__funnel').waitFor({ timeout: 60_000 });
    const received = await page
      .locator('.kpi-card[data-indicator="casesReported"] .kpi-card__value')
      .innerText();
    const reached = await page.locator('.breakdown__funnel tr[data-stage="reported"] td').first().innerText();
    expect(reached).toBe(received);
    expect(await page.locator('.breakdown__total').innerText()).toContain(received);
  });

  it('exports the current view, map and panels, as a PNG', async () => {
    const { page } = await openDistrict();
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    await page.locator('.kpi-card').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '导出图片' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gridboard-140502-\d{4}-\d{2}-\d{2}\.png$/);
    const file = await readFile(await download.path());
    const image = PNG.sync.read(file);
    const dashboard = (await page.locator('.dashboard').boundingBox())!;
    expect(image.width).toBe(Math.round(dashboard.width));
    // The map half of the image must hold the drawn city (grid fills in their type colours), not a blank canvas.
    const left = new PNG({ width: Math.floor(image.width / 2), height: image.height });
    PNG.bitblt(image, left, 0, 0, left.width, left.height, 0, 0);
    const { changed, total } = countNonBackgroundPixels(PNG.sync.write(left), [255, 255, 255]);
    expect(changed / total).toBeGreaterThan(0.3);
    // Grid fills are coloured; a blank canvas and the panels are white or grey.
    let coloured = 0;
    for (let offset = 0; offset < left.data.length; offset += 4) {
      const channels = [left.data[offset] ?? 0, left.data[offset + 1] ?? 0, left.data[offset + 2] ?? 0];
      if (Math.max(...channels) - Math.min(...channels) > 40) coloured += 1;
    }
    expect(coloured / total).toBeGreaterThan(0.2);
  });

  it('prints a one-page briefing with the title, unit, window, figures and data time', async () => {
    const { page } = await openDistrict();
    await page.locator('.kpi-card[data-indicator="resolutionRate"]').waitFor({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const heading = await page.locator('.briefing__heading').innerText();
    expect(heading).toContain('晋城市');
    expect(heading).toContain('城区');
    expect(heading).toMatch(/\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    expect(heading).toContain('数据时间');
    expect(await page.locator('.dashboard__map').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await page.emulateMedia({ media: null });
  });
});
