import type { Browser } from 'playwright-core';
import type { BenchFigure, BenchInfo, BenchModule } from '../bench-module';
import { measuredRuns, median, warmUpRuns } from '../measure';
import { provinceCamerasColumnar, provinceCasesColumnar } from '../../tests/e2e/province-columnar';
import { provinceBounds } from '../../tests/e2e/province-data';
import { provinceBodies, routeProvince, type ProvinceSize } from '../../tests/e2e/province-routes';
import { barePath, routeBareMap } from './bare-map';
import { heapMegabytes, installProbes, panAndMeasure, type PanFigures } from './probes';
import { quick, sized } from '../quick';
import { browserSession, freshBrowser } from './session';

/**
 * (b–d) The map at province scale (generated, routed: 70,000 grids, cameras, cases for the heat layer) with grids,
 * cameras and the case heat on: time to the first complete map, frame intervals and main-thread long tasks while
 * panning with the keyboard, and the main thread's heap. The app's cases are the 1 M, columnar. Baseline: a
 * bare MapLibre page with the same grids and cameras as GeoJSON sources and 100 k of the cases (its own clustering
 * and heatmap), measured in the same run.
 */
// The app asks for the cameras in the columnar format, the bare page for GeoJSON: the same 200 k cameras each way.
// The bare page's cases are GeoJSON (MapLibre parses and tiles them in its worker): 100 k of them, as 1 M would be
// ≈ 600 MB of JSON in one string; the app gets the 1 M cases in the columnar format (only: a GeoJSON request
// for them gets 406, so a fallback would fail loudly).
const size: ProvinceSize = {
  cameras: sized(200_000, 20_000),
  cases: sized(100_000, 10_000),
  camerasAs: 'both',
};
const appCaseCount = sized(1_000_000, 50_000);
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
  // Closed however the run ends: a run that times out must not leave its page (and gigabytes of cameras) open.
  try {
    const page = await context.newPage();
    await installProbes(page);
    await prepare(page);
    await page.goto(url);
    const readyMs = await ready(page);
    // Let the worker-fed layers (tiles, clusters) finish arriving before the interaction is timed.
    await page.waitForTimeout(1_500);
    const pan = await panAndMeasure(page);
    const heapMb = await heapMegabytes(page);
    return { readyMs, heapMb, ...pan };
  } finally {
    await context.close().catch(() => undefined);
  }
}

export const provincePanBench: BenchModule = {
  name: 'browser: province pan',
  environment: 'chromium',
  async run(log) {
    const { browser, baseUrl } = await browserSession(log);
    const config = (await (await fetch(`${baseUrl}/config.json`)).json()) as Record<string, unknown>;
    const bodies = provinceBodies(size, config);
    const appBodies = {
      ...bodies,
      // With columns set the route answers a columnar request with them and refuses GeoJSON (406).
      casesColumnar: Buffer.from(provinceCasesColumnar(appCaseCount, new Date())),
    };
    // Under --quick the app-only runs with Shanxi's 2.4 M cameras are left out: they are figures, not checks, and
    // take minutes and gigabytes.
    const fullBodies = quick
      ? appBodies
      : {
          ...appBodies,
          cameras: null,
          camerasColumnar: Buffer.from(provinceCamerasColumnar(fullCameraCount)),
        };
    const app = (served = appBodies, on = browser) =>
      measure(
        on,
        `${baseUrl}/?layers=grids,cameras,cases&map=${view}`,
        (page) => routeProvince(page, served),
        async (page) => {
          await page.waitForSelector('[data-map-ready="true"]', { timeout: 180_000 });
          const readyMs = Number(await page.getAttribute('[data-map-ready]', 'data-map-ready-ms'));
          // The first complete map does not wait for the cases (1 M: fetched, decoded, filtered after it); the pan
          // is timed once no layer in the layer panel says it is still loading.
          await page.waitForFunction(
            () => document.querySelector('.map-layer-panel__state[role="status"]') === null,
            null,
            { timeout: 180_000 },
          );
          return readyMs;
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
    // The 2.4 M-camera runs start from a new Chromium: the side-by-side runs before them leave their processes large.
    const fullBrowser = quick ? browser : await freshBrowser(log);
    for (let run = 0; !quick && run < warmUpRuns + measuredRuns; run += 1) {
      const appRun = await app(fullBodies, fullBrowser);
      log(
        `run ${run + 1}: app, 2.4 M cameras: ready ${appRun.readyMs.toFixed(0)} ms, frame ${appRun.frameMedianMs.toFixed(1)} ms, ` +
          `longest task ${appRun.longestTaskMs.toFixed(0)} ms (${appRun.longTasks} over 50 ms), heap ${appRun.heapMb.toFixed(0)} MB`,
      );
      if (run >= warmUpRuns) fullApps.push(appRun);
    }
    // A run in which the page painted no frame at all during the pan (the cores busy with workers and SwiftShader)
    // has no frame interval (NaN): frame figures are over the runs that painted, and their labels say how many.
    const paints = (run: RunFigures | undefined) => run !== undefined && Number.isFinite(run.frameMedianMs);
    const isFrame = (key: keyof RunFigures) => key === 'frameMedianMs' || key === 'frameP95Ms';
    // A page that painted nothing did not pan either (MapLibre's keyboard pan moves on animation frames, and the
    // moveends that re-render the dashboard never came): its "no long task" says nothing, so the long-task figures
    // are over the runs that painted too.
    const needsPaint = (key: keyof RunFigures) =>
      isFrame(key) || key === 'longestTaskMs' || key === 'longTasks';
    const pick = (runs: RunFigures[], key: keyof RunFigures) =>
      median((needsPaint(key) ? runs.filter(paints) : runs).map((run) => run[key]));
    const ratio = (key: keyof RunFigures) =>
      median(
        apps
          .map((appRun, i) =>
            needsPaint(key) && !paints(appRun)
              ? NaN
              : (bares[i]?.[key] ?? NaN) / Math.max(appRun[key], 0.001),
          )
          .filter((value) => Number.isFinite(value)),
      );
    const appPainted = apps.filter(paints).length;
    const paintedNote =
      appPainted < apps.length ? ` (app painted in ${appPainted} of ${apps.length} runs)` : '';
    const scale =
      `70k grids, ${size.cameras / 1000}k cameras, ` +
      `cases: app ${appCaseCount / 1_000_000} M columnar, bare ${size.cases / 1000}k GeoJSON`;
    const notes = [
      'ratio = bare ÷ app (above 1× the app is quicker); headless Chromium, WebGL on SwiftShader (software, no GPU)',
      `pan: 16 ArrowRight presses 100 ms apart at zoom 9, then 800 ms to settle; ${scale}`,
    ];
    const figure = (id: string, label: string, key: keyof RunFigures): BenchFigure => ({
      id,
      label: needsPaint(key) ? `${label}${paintedNote}` : label,
      candidate:
        'Gridboard dashboard (worker vector tiles, columnar cameras and cases decoded in workers, worker clusters, deck.gl heat)',
      baseline: 'bare MapLibre page with the same grids and cameras as GeoJSON sources, 100k of the cases',
      candidateMilliseconds: pick(apps, key),
      baselineMilliseconds: pick(bares, key),
      speedup: ratio(key),
      runs: measuredRuns,
      notes,
    });
    const longest = pick(apps, 'longestTaskMs');
    const paintedApps = apps.filter(paints);
    const runsWithLongTasks = paintedApps.filter((run) => run.longTasks > 0).length;
    const worstTask = Math.max(0, ...paintedApps.map((run) => run.longestTaskMs));
    const fullNotes = [
      `app only: 70k grids, ${fullCameraCount / 1_000_000} M cameras (columnar), ${appCaseCount / 1_000_000} M cases (columnar); same pan`,
    ];
    const fullPainted = fullApps.filter(paints).length;
    const full = (id: string, label: string, key: keyof RunFigures, unit: string): BenchInfo => ({
      id,
      label:
        `app with 2.4 M cameras (columnar): ${label}` +
        (needsPaint(key) ? ` (painted in ${fullPainted} of ${fullApps.length} runs)` : ''),
      value: pick(fullApps, key),
      unit,
      notes: fullNotes,
    });
    const fullInfo: BenchInfo[] = [
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
    ];
    const info: BenchInfo[] = [
      ...(quick ? [] : fullInfo),
      {
        id: 'browser-province-long-tasks',
        label:
          `main-thread long tasks during the pan, app (median count; runs with any: ${runsWithLongTasks} of ` +
          `${paintedApps.length}; longest in any run ${worstTask.toFixed(0)} ms, median ${longest.toFixed(0)} ms)${paintedNote}`,
        value: pick(apps, 'longTasks'),
        unit: 'tasks',
        notes,
        // Every run that panned, not the median: one long task in one run is a stall a user can feel.
        goal: { description: 'none over 50 ms', met: paintedApps.length > 0 && runsWithLongTasks === 0 },
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
