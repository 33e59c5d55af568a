import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { someoneElseSaves, waitForStoredDraft } from './planner-page';
import { nextFrames, settledShot } from './settle';

const community = '140502001001';
const shots = process.env.PLANNER_SHOTS ?? '/tmp/planner-shots';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

const gridCount = (page: Page) => page.locator('[data-testid="grid-list"] li').count();

async function waitForGridCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-testid="grid-list"] li').length === expected,
    count,
    { timeout: 20_000 },
  );
}

/** Households of the grid rows, by grid id, as the preview shows them now. */
async function households(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="reattribution"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.getAttribute('data-grid-id') ?? '',
        row.querySelector('[data-field="households"]')?.textContent.trim() ?? '',
      ]),
    ),
  );
}

describe('the planner’s journey', () => {
  it('splits a grid, undoes and redoes, finds the draft after a reload, saves and survives a conflict', async () => {
    const { page, context, errors } = await openPage(browser, `/planner?region=${community}`);
    await page.locator('[data-testid="grid-list"] li').first().waitFor({ timeout: 60_000 });
    await page.locator('.planner-map canvas').waitFor();
    await settledShot(page.locator('.planner-map'));
    const before = await gridCount(page);
    const householdsBefore = await households(page);

    // Select the first grid from the list (the map brings it into view), then draw a line across it.
    await page.locator('[data-testid="grid-list"] button').first().click();
    await page.getByRole('button', { name: /^拆分/ }).click();
    const box = await page.locator('.planner-map').boundingBox();
    if (!box) throw new Error('no map');
    const y = box.y + box.height / 2 + 7;
    // Each click is drawn (terra-draw handles it in the event, the map paints it in the next frames) before the next.
    await page.mouse.click(box.x + 20, y);
    await nextFrames(page);
    await page.mouse.click(box.x + box.width - 20, y - 3);
    await nextFrames(page);
    await page.keyboard.press('Enter');
    await waitForGridCount(page, before + 1);
    await page.screenshot({ path: `${shots}/after-split.png` });

    const householdsAfter = await households(page);
    expect(householdsAfter).not.toEqual(householdsBefore);
    const total = (figures: Record<string, string>) =>
      Object.values(figures).reduce(
        (sum, value) => sum + Number(value.replace(/\D+/g, ' ').trim().split(' ').pop()),
        0,
      );
    expect(total(householdsAfter)).toBe(total(householdsBefore));

    await page.keyboard.press('Control+z');
    await waitForGridCount(page, before);
    await page.keyboard.press('Control+Shift+z');
    await waitForGridCount(page, before + 1);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    await waitForGridCount(page, before + 1);
    await page.getByText('草稿已自动保存').waitFor();
    await waitForStoredDraft(page);

    await page.reload();
    await page.locator('[data-testid="draft-resumed"]').waitFor({ timeout: 60_000 });
    expect(await gridCount(page)).toBe(before + 1);

    await page.getByRole('button', { name: '保存到服务器' }).click();
    await page.getByText(/已保存为第 \d+ 版/).waitFor({ timeout: 20_000 });

    // Rename a grid, then someone else saves first: our save meets a conflict, and rebasing keeps our edits.
    await page.locator('[data-testid="grid-list"] button').nth(1).click();
    await page.getByLabel('名称').fill('规划后的网格');
    await page.getByRole('button', { name: '应用属性' }).click();
    await page.getByTestId('grid-list').getByRole('button', { name: '规划后的网格' }).waitFor();
    expect(await someoneElseSaves(page, community)).toBe(200);
    await page.getByRole('button', { name: '保存到服务器' }).click();
    const conflict = page.locator('[data-testid="save-conflict"]');
    await conflict.waitFor({ timeout: 20_000 });
    expect(await conflict.innerText()).toContain('服务器上已修改');
    await page.screenshot({ path: `${shots}/conflict.png` });
    await conflict.getByRole('button', { name: /将我的修改应用到对方版本上/ }).click();
    expect(await gridCount(page)).toBe(before + 1);
    await page.getByTestId('grid-list').getByRole('button', { name: '规划后的网格' }).waitFor();
    await page.getByRole('button', { name: '保存到服务器' }).click();
    await page.getByText(/已保存为第 \d+ 版/).waitFor({ timeout: 20_000 });
    const saved = await page.evaluate(
      async (id) =>
        (
          (await (await fetch(`/api/grids?community=${id}`)).json()) as {
            features: { properties: { name: string } }[];
          }
        ).features.map((grid) => grid.properties.name),
      community,
    );
    expect(saved).toContain('规划后的网格');
    expect(saved.some((name) => name.includes('（他人修改）'))).toBe(true);
    expect(saved.length).toBe(before + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
