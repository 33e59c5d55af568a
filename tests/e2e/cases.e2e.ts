import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWindow } from '../../src/domain/time-window';
import { dayMs, formatChinaDay, formatChinaTime } from '../../src/domain/china-time';
import { openPage, launchBrowser, type OpenedPage } from './browser';
import { cameraOf, projector } from './map-projection';
import { changedPixels } from './pixels';
import { settledShot } from './settle';

/**
 * The live cases journey on the production build, one page load: the heat and the counts follow the filters
 * (and equal what the provider returns for the same filters), playback walks the window, a case the mock's
 * stream pushes appears in the list and on the map, and a cut in the network shows "reconnecting", then "live"
 * again, with no case lost or counted twice.
 */
let browser: Browser;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
  opened = await openPage(browser, '/?layers=grids,cases&window=7d');
  page = opened.page;
  await page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 90_000 });
  await page.getByRole('tab', { name: '实时事件' }).click();
  await page.waitForSelector('[data-connection="live"]', { timeout: 60_000 });
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="case-count"]')?.getAttribute('data-count')) > 0,
  );
});
afterAll(async () => {
  await browser.close();
});

const shownCount = async (): Promise<number> =>
  Number(await page.getByTestId('case-count').getAttribute('data-count'));

/** What the provider returns for the window (and extra filters), fetched inside the page (through the mock). */
async function providerCount(extra = ''): Promise<number> {
  const period = resolveWindow({ preset: '7d' }, Date.now());
  const url = `/api/cases?from=${encodeURIComponent(formatChinaTime(period.from))}&to=${encodeURIComponent(formatChinaTime(period.to))}${extra}`;
  return page.evaluate(async (target) => {
    const response = await fetch(target);
    const body = (await response.json()) as { features: unknown[] };
    return body.features.length;
  }, url);
}

/** The stream keeps adding cases, so compare until one reading of both sides agrees (or report the last). */
async function expectCountMatchesProvider(extra = ''): Promise<number> {
  let agreed = -1;
  await expect
    .poll(
      async () => {
        const before = await shownCount();
        const provider = await providerCount(extra);
        const after = await shownCount();
        agreed = before === provider && after === provider ? provider : -1;
        return { shown: after, provider };
      },
      { timeout: 10_000 },
    )
    .toSatisfy(({ shown, provider }) => shown === provider && agreed === provider);
  return agreed;
}

async function mapShot(name: string): Promise<PNG> {
  const buffer = await page.locator('.grid-map__canvas').screenshot();
  writeFileSync(`test-results/cases-${name}.png`, buffer);
  return PNG.sync.read(buffer);
}

/** The map once it has finished drawing: the baseline a filter's repaint is compared with. */
const settledMap = async (name: string): Promise<PNG> => {
  // The stream's pulses keep a few hundred pixels moving; the heat is what must have stopped changing.
  const shot = await settledShot(page.locator('.grid-map__canvas'), 1_500, 60_000);
  writeFileSync(`test-results/cases-${name}.png`, shot);
  return PNG.sync.read(shot);
};

/** Polls the map until it differs from `before` in more than `pixels` pixels (the filter's repaint is drawn). */
async function expectRepaint(before: PNG, name: string, pixels: number): Promise<void> {
  await expect
    .poll(async () => changedPixels(before, await mapShot(name)), { timeout: 20_000 })
    .toBeGreaterThan(pixels);
}

describe('live cases', () => {
  it('shows the count the provider returns, and filters change the heat and the count alike', async () => {
    await expectCountMatchesProvider();
    const before = await settledMap('all');
    const all = await shownCount();
    await page.locator('[data-filter="category"] input[value="dispute"]').check();
    await page.waitForFunction(
      (previous) =>
        Number(document.querySelector('[data-testid="case-count"]')?.getAttribute('data-count')) < previous,
      all,
    );
    const disputes = await expectCountMatchesProvider('&category=dispute');
    expect(disputes).toBeGreaterThan(0);
    await expectRepaint(before, 'disputes', 2000);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForFunction(
      (previous) =>
        Number(document.querySelector('[data-testid="case-count"]')?.getAttribute('data-count')) > previous,
      disputes,
    );
  });

  it('a category clicked in the review chart filters the heat and the count, and clearing it lifts the filter', async () => {
    const all = await expectCountMatchesProvider();
    const before = await settledMap('before-chart');
    await page.getByRole('tab', { name: '态势研判' }).click();
    const bar = page.locator('[data-breakdown="category"] path[data-code]').first();
    await bar.waitFor({ timeout: 30_000 });
    const category = (await bar.getAttribute('data-code')) ?? '';
    await bar.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe(category);
    await page.getByRole('tab', { name: '实时事件' }).click();
    await expect.poll(() => shownCount()).toBeLessThan(all);
    const narrowed = await expectCountMatchesProvider(`&category=${category}`);
    expect(narrowed).toBeGreaterThan(0);
    expect(await page.locator(`[data-filter="category"] input[value="${category}"]`).isChecked()).toBe(true);
    await expectRepaint(before, 'chart-category', 2000);
    await page.getByRole('tab', { name: '态势研判' }).click();
    await page.getByTestId('breakdown-filter').getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('tab', { name: '实时事件' }).click();
    await expect.poll(() => shownCount()).toBeGreaterThan(narrowed);
    expect(new URL(page.url()).searchParams.get('category')).toBeNull();
  });

  it('plays the window back day by day', async () => {
    const frame = page.getByTestId('playback-frame');
    await expect.poll(() => frame.textContent()).toBe('整个窗口');
    // Every frame the playback shows, with the count beside it, recorded in the page as it changes: a day is
    // shown for a moment only, and a poll from here can miss one on a busy machine.
    await page.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { playbackFrames: string[] }).playbackFrames = shown;
      const target = document.querySelector('[data-testid="playback-frame"]')!;
      const count = () =>
        document.querySelector('[data-testid="case-count"]')?.getAttribute('data-count') ?? '';
      new MutationObserver(() => shown.push(`${target.textContent}|${count()}`)).observe(target, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      const counter = document.querySelector('[data-testid="case-count"]');
      if (counter)
        new MutationObserver(() => shown.push(`${target.textContent}|${count()}`)).observe(counter, {
          attributes: true,
        });
    });
    await page.getByRole('button', { name: '播放' }).click();
    const period = resolveWindow({ preset: '7d' }, Date.now());
    const days = [0, 1, 2].map((day) => formatChinaDay(period.from + day * dayMs));
    const recorded = () =>
      page.evaluate(() => (window as unknown as { playbackFrames: string[] }).playbackFrames);
    await expect
      .poll(
        async () => {
          const frames = await recorded();
          return days.filter((day) => frames.some((entry) => entry.includes(day)));
        },
        { timeout: 20_000 },
      )
      .toEqual(days);
    const counts = new Set((await recorded()).map((entry) => entry.split('|')[1]));
    expect(counts.size).toBeGreaterThan(1);
    await page.getByRole('button', { name: '全部' }).click();
    await expect.poll(() => frame.textContent()).toBe('整个窗口');
  });

  it('shows a case pushed by the stream in the list and on the map, where the case is, within seconds', async () => {
    const latest = page.locator('[data-testid="latest-cases"] [data-case-id]');
    const known = new Set(
      await latest.evaluateAll((items) => items.map((item) => item.getAttribute('data-case-id'))),
    );
    const before = await shownCount();
    const quiet = await mapShot('before-arrival');
    const camera = cameraOf((await page.locator('.grid-map').getAttribute('data-map-camera')) ?? '');
    // The map photographed over and over from now on: the arrival's pulse lasts 4 s, and on a loaded machine the
    // list may show the case after the pulse has begun.
    const shots: PNG[] = [];
    const watching = { on: true };
    const watcher = (async () => {
      while (watching.on) shots.push(await mapShot('arrival'));
    })();
    try {
      const arrival = await page.waitForFunction(
        (ids) => {
          const first = document.querySelector('[data-testid="latest-cases"] [data-case-id]');
          const id = first?.getAttribute('data-case-id');
          const fresh = id && !ids.includes(id) && first?.closest('.case-list__new') !== null;
          return fresh ? id : null;
        },
        [...known],
        { timeout: 15_000 },
      );
      const id = String(await arrival.jsonValue());
      // Where the provider says the case is, projected in Node (Web Mercator; the demo city and the default base
      // map are both WGS84): its pulse ring, then its heat, change the picture there.
      const position = await page.evaluate(async (caseId) => {
        const body = (await (await fetch(`/api/cases?ids=${caseId}`)).json()) as {
          features: { geometry: { coordinates: [number, number] } }[];
        };
        return body.features[0]?.geometry.coordinates ?? [0, 0];
      }, id);
      const [x, y] = projector(camera, quiet)(position);
      expect(x).toBeGreaterThan(30);
      expect(x).toBeLessThan(quiet.width - 30);
      expect(y).toBeGreaterThan(30);
      expect(y).toBeLessThan(quiet.height - 30);
      await expect
        .poll(() => Math.max(0, ...shots.map((shot) => changedPixels(quiet, shot, { near: [x, y] }))), {
          timeout: 10_000,
        })
        .toBeGreaterThan(20);
    } finally {
      watching.on = false;
      await watcher;
    }
    expect(await shownCount()).toBeGreaterThan(before);
  });

  it('shows reconnecting when the stream is cut and live again after, with no case lost or doubled', async () => {
    await opened.context.setOffline(true);
    await page.waitForSelector('[data-connection="reconnecting"]', { timeout: 10_000 });
    // Until the mock has made a case the page could not hear: the provider holds more than the page shows.
    await expect
      .poll(async () => (await providerCount()) - (await shownCount()), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await opened.context.setOffline(false);
    await page.waitForSelector('[data-connection="live"]', { timeout: 30_000 });
    await expectCountMatchesProvider();
    const ids = await page
      .locator('[data-testid="latest-cases"] [data-case-id]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-case-id')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(opened.errors).toEqual([]);
    await page.screenshot({ path: 'test-results/cases-page.png' });
  });
});

/**
 * Who goes to a case: the dispatcher's desk names the case's own grid worker (or, with none of them on duty, the
 * nearest on duty), his distance, and draws his patrol today. The page's clock is held at 10:15 China time so
 * that the workers are on their morning patrol whenever the journey runs; the figures are computed here from the
 * same answers, with the rule and a haversine of our own.
 */
describe('the grid worker nearest a case', () => {
  const earthRadiusMetres = 6_371_008.8;
  const haversine = ([lng1, lat1]: number[], [lng2, lat2]: number[]): number => {
    const rad = Math.PI / 180;
    const a =
      Math.sin(((lat2! - lat1!) * rad) / 2) ** 2 +
      Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(((lng2! - lng1!) * rad) / 2) ** 2;
    return 2 * earthRadiusMetres * Math.asin(Math.sqrt(a));
  };
  const violet: [number, number, number] = [106, 27, 154];
  const grey: [number, number, number] = [120, 120, 120];
  /** Whether a pixel within `reach` of `at` is within 60 (summed over the channels) of `colour`. */
  const colourNear = (
    image: PNG,
    [x, y]: [number, number],
    colour: [number, number, number],
    reach: number,
  ) => {
    for (let dy = -reach; dy <= reach; dy += 1)
      for (let dx = -reach; dx <= reach; dx += 1) {
        const offset = (Math.round(y + dy) * image.width + Math.round(x + dx)) * 4;
        const distance = colour.reduce(
          (sum, value, channel) => sum + Math.abs(value - (image.data[offset + channel] ?? 0)),
          0,
        );
        if (distance <= 60) return true;
      }
    return false;
  };

  it('names him with his distance and draws his patrol today where he walked', async () => {
    const fixed = new Date(`${formatChinaDay(Date.now())}T10:15:00+08:00`);
    const desk = await openPage(browser, '/?layers=grids,cases&window=7d', undefined, undefined, (context) =>
      context.clock.setFixedTime(fixed),
    );
    const { page: view } = desk;
    try {
      await view.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 90_000 });
      await view.getByRole('tab', { name: '实时事件' }).click();
      const item = view.locator('[data-testid="latest-cases"] [data-case-id]').first();
      await item.waitFor({ timeout: 60_000 });
      const caseId = (await item.getAttribute('data-case-id'))!;
      await item.click();
      const fact = view.getByTestId('nearest-worker');
      await fact.waitFor({ timeout: 30_000 });
      const answers = await view.evaluate(async (id) => {
        const read = async (path: string): Promise<unknown> => (await fetch(path)).json();
        return {
          cases: (await read(`/api/cases?ids=${id}`)) as {
            features: { geometry: { coordinates: number[] }; properties: { gridId: string | null } }[];
          },
          roster: (await read('/api/workers')) as {
            workers: { id: string; name: string; phone: string; gridIds: string[] }[];
          },
          positions: (await read('/api/workers/positions')) as {
            features: { geometry: { coordinates: number[] }; properties: { id: string; onDuty: boolean } }[];
          },
        };
      }, caseId);
      const site = answers.cases.features[0]!;
      const onDuty = answers.positions.features
        .filter((feature) => feature.properties.onDuty)
        .map((feature) => ({
          worker: answers.roster.workers.find((worker) => worker.id === feature.properties.id)!,
          metres: haversine(site.geometry.coordinates, feature.geometry.coordinates),
        }));
      const nearest = (candidates: typeof onDuty) =>
        candidates.reduce((best, next) => (next.metres < best.metres ? next : best));
      const own = onDuty.filter(({ worker }) => worker.gridIds.includes(site.properties.gridId ?? ''));
      const expected = nearest(own.length > 0 ? own : onDuty);
      expect(await fact.getAttribute('data-worker-id')).toBe(expected.worker.id);
      expect(await view.getByTestId('nearest-worker-name').innerText()).toBe(expected.worker.name);
      const text = await fact.innerText();
      expect(text).toContain(expected.worker.phone);
      const shownMetres = Number(/(\d[\d,]*) 米/.exec(text)?.[1]?.replace(/,/g, ''));
      expect(Math.abs(shownMetres - expected.metres)).toBeLessThanOrEqual(1);

      /** A worker's track today, read from the API as the test's own reading. */
      const trackOf = (workerId: string) =>
        view.evaluate(
          async ([id, day]) =>
            (
              (await (await fetch(`/api/workers/${id}/track?date=${day}`)).json()) as {
                points: { position: number[] }[];
              }
            ).points,
          [workerId, formatChinaDay(fixed.getTime())] as const,
        );
      // His patrol today, up to 10:15: the map frames it and draws it in violet along the fixes.
      const map = view.locator('.grid-map');
      const before = await map.getAttribute('data-map-camera');
      await fact.getByRole('button', { name: '显示今日巡查轨迹' }).click();
      const track = await trackOf(expected.worker.id);
      expect(track.length).toBeGreaterThan(30);
      await expect.poll(() => map.getAttribute('data-map-camera'), { timeout: 20_000 }).not.toBe(before);
      /** The share of a track's fixes (every fifth) in view with violet within 3 px; 0 while too few are in view. */
      const drawnShare = async (points: { position: number[] }[]) => {
        const sampled = points.filter((_, index) => index % 5 === 0).map((point) => point.position);
        const { image, project } = await mapShot();
        const inside = sampled
          .map((position) => project(position))
          .filter(([x, y]) => x > 5 && y > 5 && x < image.width - 5 && y < image.height - 5);
        return inside.length < sampled.length / 2
          ? 0
          : inside.filter((at) => colourNear(image, at, violet, 3)).length / inside.length;
      };
      const mapShot = async () => {
        const shot = await settledShot(view.locator('.grid-map__canvas'), 1_000, 30_000);
        writeFileSync('test-results/cases-worker-track.png', shot);
        const image = PNG.sync.read(shot);
        return {
          image,
          project: projector(cameraOf((await map.getAttribute('data-map-camera')) ?? ''), image),
        };
      };
      await expect.poll(() => drawnShare(track), { timeout: 30_000 }).toBeGreaterThan(0.8);

      // The workers layer: every on-duty worker in view a violet disc at his last fix, off duty grey; nothing
      // violet there before the layer is on. Read away from the patrol drawn, which is violet too.
      const walked = track.map((point) => point.position);
      const others = answers.positions.features.filter(
        (feature) =>
          feature.properties.id !== expected.worker.id &&
          walked.every((fix) => haversine(fix, feature.geometry.coordinates) > 60),
      );
      const workersShown = async () => {
        const { image, project } = await mapShot();
        const inView = others
          .map((feature) => ({
            onDuty: feature.properties.onDuty,
            at: project(feature.geometry.coordinates),
          }))
          .filter(({ at: [x, y] }) => x > 10 && y > 10 && x < image.width - 10 && y < image.height - 10);
        const share = (list: typeof inView, colour: [number, number, number]) =>
          list.filter(({ at }) => colourNear(image, at, colour, 2)).length / Math.max(1, list.length);
        const on = inView.filter((worker) => worker.onDuty);
        const off = inView.filter((worker) => !worker.onDuty);
        return { on: on.length, onViolet: share(on, violet), off: off.length, offGrey: share(off, grey) };
      };
      // Two steps out from his patrol, so the neighbouring grids' workers are in view too.
      const framed = await map.getAttribute('data-map-camera');
      for (let step = 0; step < 2; step += 1) await view.locator('.maplibregl-ctrl-zoom-out').click();
      await expect.poll(() => map.getAttribute('data-map-camera'), { timeout: 10_000 }).not.toBe(framed);
      const without = await workersShown();
      expect(without.on).toBeGreaterThan(2);
      expect(without.onViolet).toBeLessThan(0.2);
      await view.getByRole('checkbox', { name: '网格员（在岗位置）' }).check();
      await expect
        .poll(async () => (await workersShown()).onViolet, { timeout: 30_000 })
        .toBeGreaterThan(0.8);
      const shown = await workersShown();
      if (shown.off > 0) expect(shown.offGrey).toBeGreaterThan(0.5);

      // A click on another worker draws his patrol instead.
      const { project } = await mapShot();
      const box = (await map.boundingBox())!;
      const next = others.find((feature) => {
        const [x, y] = project(feature.geometry.coordinates);
        return feature.properties.onDuty && x > 40 && y > 40 && x < box.width - 40 && y < box.height - 40;
      })!;
      const [nx, ny] = project(next.geometry.coordinates);
      await view.mouse.click(box.x + nx, box.y + ny);
      const nextTrack = await trackOf(next.properties.id);
      expect(nextTrack.length).toBeGreaterThan(30);
      await expect.poll(() => drawnShare(nextTrack), { timeout: 30_000 }).toBeGreaterThan(0.8);
      expect(await fact.getByRole('button', { name: '显示今日巡查轨迹' }).getAttribute('aria-pressed')).toBe(
        'false',
      );
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.context.close();
    }
    // A page of its own (the held clock), loaded on a machine still busy with the shared page's stream.
  }, 240_000);
});
