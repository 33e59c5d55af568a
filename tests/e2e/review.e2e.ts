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

  it('reproduces the same view and figures from a copied URL', async () => {
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
});
