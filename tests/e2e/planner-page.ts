import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, type OpenedPage } from './browser';

/** The community the planner journeys open: central Jincheng, a dozen grids with neighbours on every side. */
export const plannerCommunity = '140502001001';

/** Open the planner on the community and wait until its grids are listed and the map has drawn. */
export async function openPlanner(browser: Browser, initScript?: () => void): Promise<OpenedPage> {
  const opened = await openPage(browser, `/planner?region=${plannerCommunity}`, undefined, initScript);
  await waitForPlanner(opened.page);
  return opened;
}

export async function waitForPlanner(page: Page): Promise<void> {
  await page.locator('[data-testid="grid-list"] li').first().waitFor({ timeout: 60_000 });
  await page.locator('.planner-map canvas').waitFor();
}

export const gridNames = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="grid-list"] li').allInnerTexts();

export async function waitForGridCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-testid="grid-list"] li').length === expected,
    count,
    { timeout: 20_000 },
  );
}

/** Households after the edit, by grid name, as the re-attribution preview shows them (the last figure in a cell). */
export async function households(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-testid="reattribution"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const name = (row.querySelector('th')?.childNodes[0]?.textContent ?? '').trim();
        const cell = row.querySelector('[data-field="households"]')?.textContent ?? '';
        // A removed grid shows "—" after the edit: it holds no household any more.
        const after = Number(cell.trim().split(/\s+/).pop());
        return [name, Number.isNaN(after) ? 0 : after];
      }),
    ),
  );
}

export const total = (figures: Record<string, number>): number =>
  Object.values(figures).reduce((sum, value) => sum + value, 0);

/** Select one grid by its name in the list (shift adds it to the selection). */
export async function pickGrid(page: Page, name: string, add = false): Promise<void> {
  const button = page.getByTestId('grid-list').getByRole('button', { name, exact: true });
  await button.click(add ? { modifiers: ['Shift'] } : {});
  // Added: the grid joins the selection; picked alone: it is the whole selection.
  await page.waitForFunction(
    ([wanted, adding]) => {
      const pressed = [...document.querySelectorAll('[data-testid="grid-list"] button[aria-pressed="true"]')];
      return pressed.some((button) => button.textContent === wanted) && (adding || pressed.length === 1);
    },
    [name, add] as const,
  );
}

/** Rename, retype and reassign the selected grid through its properties form. */
export async function editProperties(
  page: Page,
  changes: { name?: string; worker?: string; type?: string },
): Promise<void> {
  if (changes.name !== undefined) await page.getByLabel('名称').fill(changes.name);
  if (changes.worker !== undefined) await page.getByLabel('网格员').fill(changes.worker);
  if (changes.type !== undefined) await page.getByLabel('类型').selectOption({ label: changes.type });
  await page.getByRole('button', { name: '应用属性', exact: true }).click();
  if (changes.name !== undefined)
    await page.getByTestId('grid-list').getByRole('button', { name: changes.name, exact: true }).waitFor();
}

/** Another planner saves the community first: a PUT through the same mock, from inside the page. */
export async function someoneElseSaves(page: Page, community = plannerCommunity): Promise<number> {
  return page.evaluate(async (id) => {
    const current = (await (await fetch(`/api/grids?community=${id}`)).json()) as {
      features: { properties: { version: number; name: string } }[];
    };
    const baseVersion = Math.max(...current.features.map((grid) => grid.properties.version));
    const first = current.features[0];
    if (first) first.properties.name = `${first.properties.name}（他人修改）`;
    const response = await fetch(`/api/grids?community=${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseVersion, grids: current }),
    });
    return response.status;
  }, community);
}

/**
 * The grid names of the draft stored in IndexedDB under `key` (the working draft's key is the community id), read
 * with the browser's own IndexedDB API, not the app's store: what a reload would find.
 */
export async function storedDraftGridNames(page: Page, key = plannerCommunity): Promise<string[] | null> {
  return page.evaluate(
    (draftKey) =>
      new Promise<string[] | null>((resolve, reject) => {
        const opening = indexedDB.open('gridboard-planner');
        opening.onerror = () => reject(opening.error ?? new Error('IndexedDB did not open'));
        opening.onsuccess = () => {
          const database = opening.result;
          if (!database.objectStoreNames.contains('drafts')) {
            database.close();
            resolve(null);
            return;
          }
          const reading = database.transaction('drafts').objectStore('drafts').get(draftKey);
          reading.onerror = () => reject(reading.error ?? new Error('the draft could not be read'));
          reading.onsuccess = () => {
            database.close();
            const draft = reading.result as
              { plan?: { grids?: { properties: { name: string } }[] } } | undefined;
            resolve(draft?.plan?.grids?.map((grid) => grid.properties.name) ?? null);
          };
        };
      }),
    key,
  );
}

/** Waits until the stored working draft holds exactly the grids the list shows: the last edit is written. */
export async function waitForStoredDraft(page: Page): Promise<void> {
  const sorted = (names: readonly string[] | null) => JSON.stringify(names ? [...names].sort() : null);
  await expect
    .poll(async () => [sorted(await storedDraftGridNames(page)), sorted(await gridNames(page))], {
      timeout: 20_000,
    })
    .toSatisfy(([stored, listed]) => stored === listed);
}
