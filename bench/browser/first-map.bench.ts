import type { BenchModule } from '../bench-module';
import { measuredRuns, median, warmUpRuns } from '../measure';
import { barePath, routeBareMap } from './bare-map';
import { browserSession } from './session';

/**
 * (a) Navigation → first complete map of the demo city (every enabled layer drawn: the app's data-map-ready-ms),
 * against a bare MapLibre page drawing the same region and grid outlines from the same file. Each run opens both
 * in fresh browser contexts (cold caches), back to back; the ratio is taken within the run.
 */
export const firstMapBench: BenchModule = {
  name: 'browser: first map (demo city)',
  environment: 'chromium',
  async run(log) {
    const { browser, baseUrl } = await browserSession(log);
    const viewport = { width: 1600, height: 1000 };
    const app = async (): Promise<number> => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
      const ms = Number(await page.getAttribute('[data-map-ready]', 'data-map-ready-ms'));
      await context.close();
      return ms;
    };
    const bare = async (): Promise<number> => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await routeBareMap(page, 'city');
      await page.goto(`${baseUrl}${barePath}`);
      const ready = await page.waitForFunction(
        () => (window as { __benchReady?: number }).__benchReady,
        null,
        {
          timeout: 120_000,
        },
      );
      const ms = Number(await ready.jsonValue());
      await context.close();
      return ms;
    };
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run < warmUpRuns + measuredRuns; run += 1) {
      const bareMs = await bare();
      const appMs = await app();
      log(`run ${run + 1}: app ${appMs.toFixed(0)} ms, bare MapLibre ${bareMs.toFixed(0)} ms`);
      if (run < warmUpRuns) continue;
      appTimes.push(appMs);
      bareTimes.push(bareMs);
      ratios.push(bareMs / appMs);
    }
    return {
      figures: [
        {
          id: 'browser-first-map-city',
          label: 'navigation → first complete map, demo city (app vs bare MapLibre, same outlines)',
          candidate: 'Gridboard dashboard, production build, mock API in the service worker',
          baseline: 'bare MapLibre page: region and grid outlines from the same demo-city file',
          candidateMilliseconds: median(appTimes),
          baselineMilliseconds: median(bareTimes),
          speedup: median(ratios),
          runs: measuredRuns,
          notes: [
            'ratio = bare ÷ app: below 1× the app is slower; the app also loads cameras, stations, panels',
            'headless Chromium, WebGL on SwiftShader (software, no GPU)',
          ],
        },
      ],
      info: [],
    };
  },
};
