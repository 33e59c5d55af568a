import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type OpenedPage } from './browser';
import { countPixelsNear } from './pixels';
import {
  editProperties,
  gridNames,
  openPlanner,
  pickGrid,
  someoneElseSaves,
  waitForPlanner,
  waitForStoredDraft,
} from './planner-page';
import { settledShot } from './settle';

/**
 * The planner's work under faults: a save that fails half-way, a tab closed while the save is on the wire, a full
 * disk, and a plan the server refuses. The faults are switched on from the test through two hooks installed before
 * the app's own scripts: `fetch` answers the save PUT as told, and IndexedDB's `put` throws QuotaExceededError.
 * The mock API runs in the page's service worker, where Playwright's routing cannot reach, hence the hooks.
 */
type SaveFault = 'network' | 'lost-response' | 'http-500' | 'hang' | 'invalid';
interface FaultHooks {
  saveFault?: SaveFault;
  invalidGridId?: string;
  quotaFull?: boolean;
}

function installFaultHooks(): void {
  const hooks: FaultHooks = {};
  Object.defineProperty(window, '__plannerFaults', { value: hooks });
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const fault = method === 'PUT' && url.includes('/grids') ? hooks.saveFault : undefined;
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (fault === 'lost-response') {
      // The server takes the plan, the answer never arrives.
      await realFetch(input, init);
      throw new TypeError('Failed to fetch');
    }
    if (fault === 'http-500') return new Response('<h1>Internal Server Error</h1>', { status: 500 });
    if (fault === 'hang') return new Promise<Response>(() => undefined);
    if (fault === 'invalid')
      return Response.json(
        { error: 'invalid', reasons: [{ gridId: hooks.invalidGridId ?? null, reason: 'overlaps: 12 m²' }] },
        { status: 422 },
      );
    return realFetch(input, init);
  };
  // Wrapped through its property descriptor: the original is called with the store it was called on.
  const prototype = IDBObjectStore.prototype;
  const original = Object.getOwnPropertyDescriptor(prototype, 'put');
  Object.defineProperty(prototype, 'put', {
    ...original,
    value(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>): IDBRequest<IDBValidKey> {
      if (hooks.quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return Reflect.apply(original?.value as IDBObjectStore['put'], this, args);
    },
  });
}

let browser: Browser;
let opened: OpenedPage;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  opened = await openPlanner(browser, installFaultHooks);
  page = opened.page;
});
afterAll(async () => {
  await browser.close();
});

const setFaults = (faults: FaultHooks) =>
  page.evaluate((next) => {
    const hooks = (window as unknown as { __plannerFaults: FaultHooks }).__plannerFaults;
    Object.assign(hooks, { saveFault: undefined, quotaFull: false }, next);
  }, faults);

const saveButton = () => page.getByRole('button', { name: '保存到服务器' });
const autosaved = () => page.getByText('草稿已自动保存').waitFor();

async function renameFirst(name: string): Promise<string> {
  const [first] = await gridNames(page);
  if (!first) throw new Error('no grids');
  await pickGrid(page, first);
  await editProperties(page, { name });
  return first;
}

async function reloadPlanner(): Promise<void> {
  await page.reload();
  await waitForPlanner(page);
}

describe('the planner’s draft under faults', () => {
  it('keeps the draft through a 500 and a save whose answer was lost, then saves it through the conflict', async () => {
    await renameFirst('故障前的改名');
    await autosaved();

    await setFaults({ saveFault: 'http-500' });
    await saveButton().click();
    const failed = page.getByRole('alert').filter({ hasText: '保存失败' });
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/HTTP 500.*草稿已保留/);
    expect(await gridNames(page)).toContain('故障前的改名');

    // Half-way: the server stored the plan, the page heard nothing back.
    await setFaults({ saveFault: 'lost-response' });
    await saveButton().click();
    await page.getByRole('alert').filter({ hasText: '保存失败' }).filter({ hasText: '无法连接' }).waitFor();
    expect(await gridNames(page)).toContain('故障前的改名');

    // Saving again meets the version the lost save made; rebasing on it keeps the plan, and the save goes through.
    await setFaults({});
    await saveButton().click();
    const conflict = page.getByTestId('save-conflict');
    await conflict.waitFor();
    await conflict.getByRole('button', { name: /将我的修改应用到对方版本上/ }).click();
    await saveButton().click();
    await page.getByText(/已保存为第 \d+ 版/).waitFor();
    expect(await gridNames(page)).toContain('故障前的改名');
    expect(opened.errors).toEqual([]);
  });

  it('finds the draft after the tab closed while its save was still on the wire', async () => {
    await renameFirst('保存途中关闭');
    await autosaved();
    await setFaults({ saveFault: 'hang' });
    await saveButton().click();
    await page.getByRole('button', { name: '正在保存…' }).waitFor();

    await reloadPlanner();
    await page.getByTestId('draft-resumed').waitFor();
    expect(await gridNames(page)).toContain('保存途中关闭');
  });

  it('on a full disk says so, keeps editing in memory, and the last stored draft survives a reload', async () => {
    await renameFirst('存下的改名');
    await autosaved();
    await waitForStoredDraft(page);
    await setFaults({ quotaFull: true });
    await renameFirst('存不下的改名');

    const alert = page.getByRole('alert').filter({ hasText: '草稿无法保存到本浏览器' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/quota/i);
    expect(await gridNames(page)).toContain('存不下的改名');

    // The hooks are reinstalled empty on reload; the draft there is the last one written before the disk filled.
    await reloadPlanner();
    await page.getByTestId('draft-resumed').waitFor();
    const names = await gridNames(page);
    expect(names).toContain('存下的改名');
    expect(names).not.toContain('存不下的改名');
  });

  it('shows a plan the server refused (422) on the map, with its reasons, and keeps the draft', async () => {
    const rejectedId = await page
      .locator('[data-testid="reattribution"] tbody tr')
      .first()
      .getAttribute('data-grid-id');
    const rejectedName = await page
      .locator('[data-testid="reattribution"] tbody tr')
      .first()
      .locator('th')
      .evaluate((cell) => (cell.childNodes[0]?.textContent ?? '').trim());
    await pickGrid(page, rejectedName);
    const map = page.getByTestId('planner-map');
    const rejectedColour: [number, number, number] = [0xc2, 0x18, 0x5b];
    // Once the map has brought the grid into view and stopped moving.
    const before = countPixelsNear(await settledShot(map), rejectedColour, 40);

    await setFaults({ saveFault: 'invalid', invalidGridId: rejectedId ?? undefined });
    await saveButton().click();
    const refusal = page.getByTestId('save-invalid');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    expect(await refusal.innerText()).toContain(rejectedName);
    expect(await refusal.innerText()).toMatch(/重叠/);
    await expect
      .poll(async () => countPixelsNear(await map.screenshot(), rejectedColour, 40), { timeout: 20_000 })
      .toBeGreaterThan(before + 500);
    expect(await gridNames(page)).toContain(rejectedName);
  });

  it('keeps the draft as a copy after a conflict: listed, resumable, and the working draft starts from the server', async () => {
    await setFaults({});
    await reloadPlanner();
    await renameFirst('另存为副本的改名');
    await autosaved();
    expect(await someoneElseSaves(page)).toBe(200);
    await saveButton().click();
    const conflict = page.getByTestId('save-conflict');
    await conflict.waitFor();
    await conflict.getByRole('button', { name: /将我的草稿另存为副本/ }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await gridNames(page)).not.toContain('另存为副本的改名');

    const copy = page.getByTestId('drafts').locator('li', { hasText: '副本' });
    await copy.first().waitFor();
    await copy.first().getByRole('button', { name: '继续编辑' }).click();
    await page.getByTestId('grid-list').getByRole('button', { name: '另存为副本的改名' }).waitFor();
    expect(opened.errors).toEqual([]);
  });
});
