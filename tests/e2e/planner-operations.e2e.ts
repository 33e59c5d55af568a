import { readFile } from 'node:fs/promises';
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

describe('planner operations in the browser', () => {
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
      await page.waitForTimeout(150);
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
