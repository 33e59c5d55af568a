import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';

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
});
