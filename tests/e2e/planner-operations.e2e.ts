import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type OpenedPage } from './browser';
import {
  editProperties,
  gridNames,
  households,
  openPlanner,
  pickGrid,
  total,
  waitForGridCount,
} from './planner-page';
import { nextFrames, settledShot } from './settle';

/**
 * The operations the split journey (planner.e2e.ts) does not drive, one after another on one page: each step
 * checks what it changed against what the page showed just before it, and that the community stays tiled.
 */
let browser: Browser;
let opened: OpenedPage;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  opened = await openPlanner(browser);
  page = opened.page;
});
afterAll(async () => {
  await browser.close();
});

/** The names the "into" list offers for the selected grid: its adjacent grids. */
const neighbourNames = () => page.getByLabel('并入').locator('option').allInnerTexts();
const errorCount = async () =>
  Number(/(\d+) 个错误/.exec(await page.getByTestId('issue-count').innerText())?.[1]);
const rowStatus = (name: string) =>
  page.locator('[data-testid="reattribution"] tbody th', { hasText: name }).locator('small').innerText();

interface ExportedGrid {
  properties: { name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** The plan as the export button writes it. */
async function exportedPlan(): Promise<ExportedGrid[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出方案为 GeoJSON' }).click(),
  ]);
  return (JSON.parse(await readFile(await download.path(), 'utf8')) as { features: ExportedGrid[] }).features;
}

const outlineOf = (grid: ExportedGrid): number[][] =>
  grid.geometry.type === 'Polygon'
    ? ((grid.geometry.coordinates as number[][][])[0] ?? [])
    : ((grid.geometry.coordinates as number[][][][])[0]?.[0] ?? []);

const centreOf = (ring: number[][]): number[] => {
  const [sx, sy] = ring.reduce(([ax = 0, ay = 0], [x = 0, y = 0]) => [ax + x, ay + y], [0, 0]);
  return [(sx ?? 0) / ring.length, (sy ?? 0) / ring.length];
};

/**
 * Longitude/latitude to page pixels, from where the selected grid's orange outline lies on the map. Its left, right
 * and bottom edges are drawn on top and give the scale and the anchor; Web Mercator is conformal, so the vertical
 * scale per Mercator unit is the horizontal one per radian (the top edge can lie under a neighbour's outline).
 */
async function screenMapping(
  target: Page,
  ring: number[][],
): Promise<(position: number[]) => [number, number]> {
  const map = target.getByTestId('planner-map');
  const box = await map.boundingBox();
  if (!box) throw new Error('no map');
  const image = PNG.sync.read(await map.screenshot());
  let [left, right, bottom] = [Infinity, -Infinity, -Infinity];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * 4;
      const [r = 0, g = 0, b = 0] = [image.data[at], image.data[at + 1], image.data[at + 2]];
      if (Math.abs(r - 0xff) + Math.abs(g - 0x7f) + Math.abs(b - 0x0e) > 40) continue;
      [left, right, bottom] = [Math.min(left, x), Math.max(right, x), Math.max(bottom, y)];
    }
  const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const xs = ring.map(([x = 0]) => x);
  const ys = ring.map(([, y = 0]) => mercatorY(y));
  const [west, east, south] = [Math.min(...xs), Math.max(...xs), Math.min(...ys)];
  const perDegree = (right - left) / (east - west);
  const perMercator = (perDegree * 180) / Math.PI;
  return ([lng = 0, lat = 0]) => [
    box.x + left + (lng - west) * perDegree,
    box.y + bottom - (mercatorY(lat) - south) * perMercator,
  ];
}

describe('planner operations in the browser', () => {
  it('drags a vertex three grids share on the map: all of them move with it, no gap or overlap appears', async () => {
    const grids = await exportedPlan();
    const [first] = await gridNames(page);
    const chosen = grids.find((grid) => grid.properties.name === first);
    if (!first || !chosen) throw new Error('no grids');
    // A corner where the chosen grid meets two others: inside the community, shared by three outlines.
    const key = ([x = 0, y = 0]: number[]) => `${x.toFixed(9)},${y.toFixed(9)}`;
    const owners = new Map<string, Set<string>>();
    for (const grid of grids)
      for (const position of outlineOf(grid))
        owners.set(key(position), (owners.get(key(position)) ?? new Set()).add(grid.properties.name));
    const corner = outlineOf(chosen).find((position) => (owners.get(key(position))?.size ?? 0) >= 3);
    if (!corner) throw new Error(`${first} has no corner shared by three grids`);
    const sharing = [...(owners.get(key(corner)) ?? [])];

    await pickGrid(page, first);
    // The map brings the grid into view: read its place once it has stopped moving.
    await settledShot(page.getByTestId('planner-map'));
    const toScreen = await screenMapping(page, outlineOf(chosen));
    const [x, y] = toScreen(corner);
    // Select the grid on the map (terra-draw shows its vertices), then drag the corner 25 px: less than snapping's
    // reach, which once pulled a shared vertex straight back onto its old place in the neighbours.
    const [cx, cy] = toScreen(centreOf(outlineOf(chosen)));
    await page.mouse.click(cx, cy);
    await nextFrames(page);
    await settledShot(page.getByTestId('planner-map'));
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 5; step++) await page.mouse.move(x + step * 4, y + step * 3);
    await page.mouse.up();
    await page.waitForFunction(() =>
      document.querySelector('.planner-toolbar button')?.textContent.includes('编辑顶点'),
    );

    for (const name of sharing) expect(await rowStatus(name)).toBe('有变化');
    expect(await errorCount()).toBe(0);
  });

  it('merges two adjacent grids into one holding both their households', async () => {
    const [first] = await gridNames(page);
    if (!first) throw new Error('no grids');
    await pickGrid(page, first);
    const [neighbour] = await neighbourNames();
    if (!neighbour) throw new Error(`${first} has no neighbour`);
    const before = await households(page);
    const count = (await gridNames(page)).length;

    await pickGrid(page, neighbour, true);
    await page.getByRole('toolbar').getByRole('button', { name: '合并', exact: true }).click();
    await waitForGridCount(page, count - 1);

    const after = await households(page);
    const kept = [first, neighbour].find((name) => (after[name] ?? 0) > 0);
    expect(kept).toBeDefined();
    expect(after[kept ?? '']).toBe((before[first] ?? 0) + (before[neighbour] ?? 0));
    expect(total(after)).toBe(total(before));
    expect(await errorCount()).toBe(0);
  });

  it('deletes a grid and gives its ground and households to the neighbour chosen', async () => {
    const names = await gridNames(page);
    const doomed = names.at(-1);
    if (!doomed) throw new Error('no grids');
    await pickGrid(page, doomed);
    const options = await neighbourNames();
    const heir = options.at(-1);
    if (!heir) throw new Error(`${doomed} has no neighbour`);
    await page.getByLabel('并入').selectOption({ label: heir });
    const before = await households(page);

    await page.getByRole('toolbar').getByRole('button', { name: '删除', exact: true }).click();
    await waitForGridCount(page, names.length - 1);

    expect(await gridNames(page)).not.toContain(doomed);
    const after = await households(page);
    expect(after[heir]).toBe((before[heir] ?? 0) + (before[doomed] ?? 0));
    expect(total(after)).toBe(total(before));
    expect(await errorCount()).toBe(0);
  });

  it('moves the edge two grids share: both change, no gap or overlap appears', async () => {
    const [first] = await gridNames(page);
    if (!first) throw new Error('no grids');
    await pickGrid(page, first);
    const [neighbour] = await neighbourNames();
    if (!neighbour) throw new Error(`${first} has no neighbour`);
    await pickGrid(page, neighbour, true);
    expect(await rowStatus(neighbour)).toBe('');

    // Nudge the shared edge until it moves: an edge on the community boundary refuses one direction.
    const toolbar = page.getByRole('toolbar');
    const nudges = ['→', '←', '↑', '↓'];
    const nudge = await (async () => {
      for (const arrow of nudges) {
        const button = toolbar.getByRole('button', { name: arrow, exact: true });
        if (await button.isEnabled()) return button;
      }
      throw new Error('no nudge available');
    })();
    await nudge.click();
    await page.waitForFunction(() =>
      document.querySelector('.planner-toolbar button')?.textContent.includes('移动共边'),
    );

    expect(await rowStatus(neighbour)).toBe('有变化');
    expect(await errorCount()).toBe(0);
    expect(await page.getByTestId('issue-count').innerText()).toMatch(/0 个错误/);
  });

  it('carves a new grid out of the grids under a drawn polygon', async () => {
    const names = await gridNames(page);
    const before = await households(page);
    await page.getByRole('toolbar').getByRole('button', { name: '绘制新网格' }).click();
    const box = await page.locator('.planner-map').boundingBox();
    if (!box) throw new Error('no map');
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const r = Math.min(box.width, box.height) / 5;
    for (const [dx, dy] of [
      [-r, -r],
      [r, -r * 0.8],
      [r * 0.9, r],
      [-r, r * 0.9],
    ] as const) {
      await page.mouse.click(cx + dx, cy + dy);
      await nextFrames(page);
    }
    await page.keyboard.press('Enter');
    await waitForGridCount(page, names.length + 1);

    const added = (await gridNames(page)).filter((name) => !names.includes(name));
    expect(added).toHaveLength(1);
    // A new grid, not a deleted grid's id handed to other ground.
    expect(await rowStatus(added[0] ?? '')).toBe('新增');
    const after = await households(page);
    expect(total(after)).toBe(total(before));
    expect(await errorCount()).toBe(0);
  });

  it('renames, retypes and reassigns a grid, exports the plan and imports it back as the starting plan', async () => {
    const [first] = await gridNames(page);
    if (!first) throw new Error('no grids');
    await pickGrid(page, first);
    await editProperties(page, { name: '导出核对网格', worker: '王建国', type: '城中村型' });
    await pickGrid(page, '导出核对网格');
    expect(await page.getByLabel('网格员').inputValue()).toBe('王建国');
    expect(await page.getByLabel('类型').locator('option:checked').innerText()).toBe('城中村型');
    const exportedNames = await gridNames(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出方案为 GeoJSON' }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      features: { properties: { name: string; workerName: string; type: string } }[];
    };
    expect(exported.features.map((grid) => grid.properties.name).sort()).toEqual([...exportedNames].sort());
    expect(
      exported.features.find((grid) => grid.properties.name === '导出核对网格')?.properties,
    ).toMatchObject({
      workerName: '王建国',
      type: 'urban_village',
    });

    // Undo the rename, then the file brings it back as the starting plan, in one undoable step.
    await page.keyboard.press('Control+z');
    await page.getByTestId('grid-list').getByRole('button', { name: first, exact: true }).waitFor();
    await page.getByLabel('作为初始方案').check();
    await page.getByLabel('GeoJSON、KML 或 Shapefile 压缩包').setInputFiles({
      name: 'exported-plan.geojson',
      mimeType: 'application/geo+json',
      buffer: await readFile(file),
    });
    await page.getByRole('status').filter({ hasText: 'exported-plan.geojson' }).waitFor();
    expect((await gridNames(page)).sort()).toEqual([...exportedNames].sort());
    expect(await errorCount()).toBe(0);
  });

  it('refuses a broken file with an alert naming it and the reason, and leaves the plan alone', async () => {
    const names = await gridNames(page);
    await page.getByLabel('GeoJSON、KML 或 Shapefile 压缩包').setInputFiles({
      name: 'broken-plan.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature",'),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'broken-plan.geojson' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/无法导入 broken-plan\.geojson：.+/);
    expect(await gridNames(page)).toEqual(names);
    expect(opened.errors).toEqual([]);
  });
});
