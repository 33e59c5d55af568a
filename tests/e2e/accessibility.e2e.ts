import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { gridNames, openPlanner, waitForGridCount } from './planner-page';
import { settledShot } from './settle';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** axe-core's serious and critical findings, as "rule: target" lines that say what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

describe('accessibility', () => {
  it('has no serious or critical axe violations on the dashboard, and the panels work by keyboard', async () => {
    const { page, context } = await openPage(browser, '/?region=140502&compare=previous');
    await page.waitForFunction(() => document.querySelector('[data-map-ready="true"]') !== null, null, {
      timeout: 90_000,
    });
    await page.locator('.compare__table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A ranking row drills down with the keyboard alone.
    const row = page.locator('.ranking--best .ranking__drill').first();
    const name = await row.innerText();
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (unit) => document.querySelector('.breadcrumb [aria-current="page"]')?.textContent === unit,
      name,
    );
    await context.close();
  });

  it('has no serious or critical axe violations in the planner, whose toolbar works by keyboard and whose problems are worded', async () => {
    const { page, context } = await openPlanner(browser);
    await settledShot(page.getByTestId('planner-map'));
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard only: select a grid from the list, run "delete" from the toolbar, undo with the shortcut.
    const count = (await gridNames(page)).length;
    await page.getByTestId('grid-list').getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    const remove = page.getByRole('toolbar').getByRole('button', { name: '删除', exact: true });
    await remove.focus();
    await page.keyboard.press('Enter');
    await waitForGridCount(page, count - 1);
    await page.keyboard.press('Control+z');
    await waitForGridCount(page, count);
    // A tool toggles with the space bar and says it is on.
    const split = page.getByRole('toolbar').getByRole('button', { name: '拆分' });
    await split.focus();
    await page.keyboard.press('Space');
    expect(await split.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    expect(await split.getAttribute('aria-pressed')).toBe('false');

    // Problems carry their severity in words, not only in colour: merge the smallest grids until one warns.
    const issues = page.locator('.planner-issue');
    if ((await issues.count()) === 0) {
      await page.getByTestId('grid-list').getByRole('button').first().click();
      const [neighbour] = await page.getByLabel('并入').locator('option').allInnerTexts();
      await page
        .getByTestId('grid-list')
        .getByRole('button', { name: neighbour, exact: true })
        .click({ modifiers: ['Shift'] });
      await page.getByRole('toolbar').getByRole('button', { name: '合并', exact: true }).click();
    }
    await issues.first().waitFor();
    for (const text of await issues.allInnerTexts()) expect(text).toMatch(/^(错误|警告) \S/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
