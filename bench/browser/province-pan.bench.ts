import type { Browser } from 'playwright-core';
import type { BenchFigure, BenchInfo, BenchModule } from '../bench-module';
import { measuredRuns, median, warmUpRuns } from '../measure';
import { provinceCamerasColumnar } from '../../tests/e2e/province-columnar';
import { provinceBounds } from '../../tests/e2e/province-data';
import { provinceBodies, routeProvince, type ProvinceSize } from '../../tests/e2e/province-routes';
import { barePath, routeBareMap } from './bare-map';
import { heapMegabytes, installProbes, panAndMeasure, type PanFigures } from './probes';
import { browserSession } from './session';

/**
 * (b–d) The map at province scale (generated, routed: 70,000 grids, cameras, cases for the heat layer) with grids,
 * cameras and the case heat on: time to the first complete map, frame intervals and main-thread long tasks while
 * panning with the keyboard, and the main thread's heap. Baseline: a bare MapLibre page with the same data as GeoJSON
 * sources (its own clustering and heatmap), measured in the same run.
 */
// The app asks for the cameras in the columnar format, the bare page for GeoJSON: the same 200 k cameras each way.
const size: ProvinceSize = { cameras: 200_000, cases: 100_000, camerasAs: 'both' };
/** Shanxi's real camera count, app only: the bare page would need 2.4 M GeoJSON features (≈ 450 MB). */
const fullCameraCount = 2_400_000;
const viewport = { width: 1600, height: 1000 };
// A city centre of the generated cases, at a zoom where grids are ~12 px and the heat shows.
const view = `${(provinceBounds[0] + provinceBounds[2]) / 2},${(provinceBounds[1] + provinceBounds[3]) / 2},9`;

interface RunFigures extends PanFigures {
  readyMs: number;
  heapMb: number;
}

async function measure(
  browser: Browser,
  url: string,
  prepare: (page: import('playwright-core').Page) => Promise<void>,
  ready: (page: import('playwright-core').Page) => Promise<number>,
): Promise<RunFigures> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await installProbes(page);
  await prepare(page);
  await page.goto(url);
  const readyMs = await ready(page);
  // Let the worker-fed layers (tiles, clusters) finish arriving before the interaction is timed.
  await page.waitForTimeout(1_500);
  const pan = await panAndMeasure(page);
  const heapMb = await heapMegabytes(page);
  await context.close();
  return { readyMs, heapMb, ...pan };
}

export const provincePanBench: BenchModule = {
  name: 'browser: province pan',
  environment: 'chromium',
  async run(log) {
    const { browser, baseUrl } = await browserSession(log);
    const config = (await (await fetch(`${baseUrl}/config.json`)).json()) as Record<string, unknown>;
    const bodies = provinceBodies(size, config);
    const fullBodies = {
      ...bodies,
      cameras: null,
      camerasColumnar: Buffer.from(provinceCamerasColumnar(fullCameraCount)),
    };
    const app = (served = bodies) =>
      measure(
        browser,
        `${baseUrl}/?layers=grids,cameras,cases&map=${view}`,
        (page) => routeProvince(page, served),
        async (page) => {
          await page.waitForSelector('[data-map-ready="true"]', { timeout: 180_000 });
          return Number(await page.getAttribute('[data-map-ready]', 'data-map-ready-ms'));
        },
      );
    const bare = () =>
      measure(
        browser,
        `${baseUrl}${barePath}?map=${view}`,
        async (page) => {
          await routeProvince(page, bodies);
          await routeBareMap(page, 'province');
        },
        async (page) => {
          const handle = await page.waitForFunction(
            () => (window as { __benchReady?: number }).__benchReady,
            null,
            {
              timeout: 180_000,
            },
          );
          return Number(await handle.jsonValue());
        },
      );
    const apps: RunFigures[] = [];
    const bares: RunFigures[] = [];
    for (let run = 0; run < warmUpRuns + measuredRuns; run += 1) {
      const bareRun = await bare();
      const appRun = await app();
      const line = (f: RunFigures) =>
        `ready ${f.readyMs.toFixed(0)} ms, frame ${f.frameMedianMs.toFixed(1)}/${f.frameP95Ms.toFixed(1)} ms (median/p95), ` +
        `longest task ${f.longestTaskMs.toFixed(0)} ms (${f.longTasks} over 50 ms), heap ${f.heapMb.toFixed(0)} MB`;
      log(`run ${run + 1}: app ${line(appRun)}`);
      log(`run ${run + 1}: bare ${line(bareRun)}`);
      if (run < warmUpRuns) continue;
      apps.push(appRun);
      bares.push(bareRun);
    }
    const fullApps: RunFigures[] = [];
    for (let run = 0; run < warmUpRuns + measuredRuns; run += 1) {
      const appRun = await app(fullBodies);
      log(
        `run ${run + 1}: app, 2.4 M cameras: ready ${appRun.readyMs.toFixed(0)} ms, frame ${appRun.frameMedianMs.toFixed(1)} ms, ` +
          `longest task ${appRun.longestTaskMs.toFixed(0)} ms (${appRun.longTasks} over 50 ms), heap ${appRun.heapMb.toFixed(0)} MB`,
      );
      if (run >= warmUpRuns) fullApps.push(appRun);
    }
    const pick = (runs: RunFigures[], key: keyof RunFigures) => median(runs.map((run) => run[key]));
    const ratio = (key: keyof RunFigures) =>
      median(apps.map((appRun, i) => (bares[i]?.[key] ?? NaN) / Math.max(appRun[key], 0.001)));
    const scale = `70k grids, ${size.cameras / 1000}k cameras, ${size.cases / 1000}k cases`;
    const notes = [
      'ratio = bare ÷ app (above 1× the app is quicker); headless Chromium, WebGL on SwiftShader (software, no GPU)',
      `pan: 16 ArrowRight presses 100 ms apart at zoom 9, then 800 ms to settle; ${scale}`,
    ];
    const figure = (id: string, label: string, key: keyof RunFigures): BenchFigure => ({
      id,
      label,
      candidate:
        'Gridboard dashboard (worker vector tiles, columnar cameras decoded in a worker, worker clusters, deck.gl heat)',
      baseline: 'bare MapLibre page with the same data as GeoJSON sources',
      candidateMilliseconds: pick(apps, key),
      baselineMilliseconds: pick(bares, key),
      speedup: ratio(key),
      runs: measuredRuns,
      notes,
    });
    const longest = pick(apps, 'longestTaskMs');
    const fullNotes = [
      `app only: 70k grids, ${fullCameraCount / 1_000_000} M cameras (columnar), ${size.cases / 1000}k cases; same pan`,
    ];
    // A run in which the page painted no frame at all during the pan (both cores busy building the 2.4 M cluster
    // index and tiling) has no frame interval: the median is over the runs that painted, and the label says so.
    const painted = fullApps.filter((run) => Number.isFinite(run.frameMedianMs));
    const full = (id: string, label: string, key: keyof RunFigures, unit: string): BenchInfo => ({
      id,
      label: `app with 2.4 M cameras (columnar): ${label}`,
      value: pick(key === 'frameMedianMs' ? painted : fullApps, key),
      unit,
      notes: fullNotes,
    });
    const info: BenchInfo[] = [
      full('browser-province-full-first-map', 'navigation → first complete map', 'readyMs', 'ms'),
      full(
        'browser-province-full-frame-median',
        'frame interval while panning, median',
        'frameMedianMs',
        'ms',
      ),
      full(
        'browser-province-full-longest-task',
        'longest main-thread task while panning',
        'longestTaskMs',
        'ms',
      ),
      full(
        'browser-province-full-long-tasks',
        'main-thread long tasks during the pan (median count)',
        'longTasks',
        'tasks',
      ),
      full('browser-province-full-heap', 'JS heap after the pan (main thread)', 'heapMb', 'MB'),
      {
        id: 'browser-province-long-tasks',
        label: `main-thread long tasks during the pan, app (median count; longest ${longest.toFixed(0)} ms)`,
        value: pick(apps, 'longTasks'),
        unit: 'tasks',
        notes,
        goal: { description: 'none over 50 ms', met: longest <= 50 },
      },
      {
        id: 'browser-province-heap-app',
        label: 'JS heap after the pan, app (main thread)',
        value: pick(apps, 'heapMb'),
        unit: 'MB',
        notes,
      },
      {
        id: 'browser-province-heap-bare',
        label: 'JS heap after the pan, bare MapLibre (main thread)',
        value: pick(bares, 'heapMb'),
        unit: 'MB',
        notes,
      },
    ];
    return {
      figures: [
        figure(
          'browser-province-first-map',
          `navigation → first complete map, province (${scale})`,
          'readyMs',
        ),
        figure('browser-province-frame-median', 'frame interval while panning, median', 'frameMedianMs'),
        figure('browser-province-frame-p95', 'frame interval while panning, 95th percentile', 'frameP95Ms'),
        figure('browser-province-longest-task', 'longest main-thread task while panning', 'longestTaskMs'),
      ],
      info,
    };
  },
};
