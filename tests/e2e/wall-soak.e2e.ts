import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, chromiumLaunchOptions } from './browser';
import { configPath, createWallFeed, districtsOf, type WallFeed } from './wall-feed';

/**
 * The wall runs for weeks: this soak drives it through many refreshes and tour cycles with time compressed the
 * honest way (a config with 2.5-second scenes and the shortest refresh the schema allows, 5 s), with every live
 * layer on (heat, pulses, early-warning rings, cameras, stations), and checks that memory stays flat: the JS heap
 * after forced GC grows less than 10 %, and neither WebGL objects nor the map's canvases and controls pile up.
 */
// Long enough for one-off growth (JIT code, caches filled by every scene and layer once) to settle first. In
// `npm test` the soak is kept short for CI's time limit (40 s of warm-up, then samples for 60 s: 6 tour cycles,
// 12 refreshes); the long soak of docs/performance.md is WALL_SOAK_WARM_UP_MS=150000 WALL_SOAK_MS=240000 (or more).
const warmUpMs = Number(process.env.WALL_SOAK_WARM_UP_MS ?? 40_000);
const soakMs = Number(process.env.WALL_SOAK_MS ?? 60_000);
const sceneSeconds = 2.5;
const refreshSeconds = 5;
/** Readings at each end of the soak that the heap is judged on (see heapGrowth). */
const endReadings = 3;

let browser: Browser;
let feed: WallFeed;

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions);
  feed = await createWallFeed();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

/**
 * Live WebGL objects by kind, counted in the page by wrapping the context's create* and delete* calls. luma.gl's
 * own "GPU Resource Counts" cannot be used: its "Samplers Active" never goes down, so it read as a leak of
 * samplers on a wall that had none. A Set per kind holds the objects, so a second delete of one counts once.
 */
const countWebGlObjects = () => {
  const live = new Map<string, Set<unknown>>();
  const proto = WebGL2RenderingContext.prototype as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  for (const kind of [
    'Buffer',
    'Framebuffer',
    'Program',
    'Renderbuffer',
    'Sampler',
    'Shader',
    'Texture',
    'VertexArray',
    'Query',
    'TransformFeedback',
  ]) {
    const create = proto[`create${kind}`];
    const remove = proto[`delete${kind}`];
    if (!create || !remove) continue;
    const set = new Set<unknown>();
    live.set(kind, set);
    proto[`create${kind}`] = function (this: unknown, ...args: unknown[]) {
      const made = create.apply(this, args);
      if (made) set.add(made);
      return made;
    };
    proto[`delete${kind}`] = function (this: unknown, ...args: unknown[]) {
      set.delete(args[0]);
      return remove.apply(this, args);
    };
  }
  (window as unknown as { webGlObjects: () => Record<string, number> }).webGlObjects = () =>
    Object.fromEntries([...live].map(([kind, set]) => [kind, set.size]));
};

interface Sample {
  atSeconds: number;
  heapBytes: number;
  gpuObjects: Record<string, number>;
  canvases: number;
  mapControls: number;
  domNodes: number;
  requestsServed: number;
  /** The pinned camera's player: its state and the frames it has decoded so far (they grow through its loops). */
  video: { state: string | null; frames: number };
}

async function sample(page: Page, cdp: CDPSession, startedAt: number): Promise<Sample> {
  // Measure on the same scene every time (the cameras scene, the one with the most layers), once it has drawn:
  // MapLibre's idle does not come within a 2.5 s scene, so the wait is for the scene and one second more.
  await page.waitForFunction(
    () => document.querySelector('main.wall')?.getAttribute('data-scene') === '1',
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(1000);
  for (let round = 0; round < 2; round++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const figures = await page.evaluate(() => ({
    gpuObjects: (window as unknown as { webGlObjects: () => Record<string, number> }).webGlObjects(),
    canvases: document.querySelectorAll('.wall canvas').length,
    mapControls: document.querySelectorAll('.wall .maplibregl-ctrl').length,
    domNodes: document.getElementsByTagName('*').length,
    video: {
      state:
        document.querySelector('[data-testid="video-panel"] [data-camera-id]')?.getAttribute('data-state') ??
        null,
      frames:
        document
          .querySelector<HTMLVideoElement>('[data-testid="video-panel"] video')
          ?.getVideoPlaybackQuality().totalVideoFrames ?? 0,
    },
  }));
  return {
    ...figures,
    heapBytes: usedSize,
    atSeconds: Math.round((Date.now() - startedAt) / 1000),
    requestsServed: feed.served,
  };
}

/**
 * Heap growth from the start of the soak to its end, each end read as the least of its first (last) few readings.
 * A single reading after GC is noisy here: on the same code first-to-last growth read from −14 % to +10 % and the
 * readings spread over 10–20 MiB (a poll's answer or a tile in flight when the reading is taken). The least of a
 * few is the heap with the least in flight, which is what a leak raises.
 */
function heapGrowth(samples: readonly Sample[]): { from: number; to: number; growth: number } {
  const least = (some: readonly Sample[]) => Math.min(...some.map((item) => item.heapBytes));
  const from = least(samples.slice(0, endReadings));
  const to = least(samples.slice(-endReadings));
  return { from, to, growth: (to - from) / from };
}

describe('the wall over days, compressed', () => {
  it(
    'keeps its heap flat through many refresh and tour cycles, with the live layers on',
    async () => {
      const districts = districtsOf(feed.city);
      const tour = [
        { layers: ['grids', 'heat', 'pulses', 'warnings'], seconds: sceneSeconds },
        {
          region: districts[0]!.id,
          layers: ['grids', 'heat', 'pulses', 'warnings', 'cameras', 'stations'],
          seconds: sceneSeconds,
        },
        { region: districts[1]!.id, layers: ['grids', 'stations', 'pulses'], seconds: sceneSeconds },
        { layers: ['warnings', 'cameras', 'heat'], focus: 'earlyWarning', seconds: sceneSeconds },
        { region: districts[2]!.id, layers: ['grids', 'stations', 'serviceAreas'], seconds: sceneSeconds },
      ];
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
      await context.addInitScript(countWebGlObjects);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // The video panel on: an online camera pinned by the config, playing the demo's HLS through the soak.
      const pinned = feed.city.cameras.features.find((camera) => camera.properties.status === 'online')!;
      await feed.attach(context, {
        refreshSeconds,
        wall: {
          designWidth: 1920,
          designHeight: 1080,
          tour,
          idleResumeSeconds: 60,
          cameras: [pinned.properties.id],
        },
      });
      const startedAt = Date.now();
      await page.goto(`${baseUrl()}/wall?config=${configPath}`);
      await page.waitForSelector('.wall [data-map-ready="true"]', { timeout: 110_000 });

      // The warm-up counts from the first drawn map: on a busy machine the page alone can take most of a minute,
      // and readings taken before every scene has been shown once rise with each scene first shown.
      await page.waitForTimeout(warmUpMs);
      const samples = [await sample(page, cdp, startedAt)];
      const scenesAtWarmUp = await page.evaluate(
        () => document.querySelectorAll('.wall-header__scene').length,
      );
      // A reading every tour cycle (each on the cameras scene) until the soak's time is up.
      const end = Date.now() + soakMs;
      while (Date.now() < end || samples.length < 2 * endReadings) {
        await page.waitForFunction(
          () => document.querySelector('main.wall')?.getAttribute('data-scene') !== '1',
          undefined,
          { timeout: 30_000 },
        );
        samples.push(await sample(page, cdp, startedAt));
      }
      const first = samples[0]!;
      const last = samples[samples.length - 1]!;
      const heap = heapGrowth(samples);
      const report = {
        warmUpSeconds: warmUpMs / 1000,
        soakSeconds: soakMs / 1000,
        refreshSeconds,
        sceneSeconds,
        tourCycles: Math.floor(soakMs / 1000 / (sceneSeconds * tour.length)),
        refreshCycles: Math.floor(soakMs / 1000 / refreshSeconds),
        heapAtStartMiB: +(heap.from / 2 ** 20).toFixed(2),
        heapAtEndMiB: +(heap.to / 2 ** 20).toFixed(2),
        heapGrowthPercent: +(heap.growth * 100).toFixed(2),
        samples,
      };
      writeFileSync('test-results/wall-soak.json', JSON.stringify(report, null, 2));
      console.log(JSON.stringify({ ...report, samples: undefined }));

      expect(scenesAtWarmUp).toBe(1);
      expect(last.requestsServed - first.requestsServed).toBeGreaterThan(report.refreshCycles);
      expect(heap.growth).toBeLessThan(0.1);
      // The counts come from the wrapped context: without any, the check below would pass on nothing.
      expect(first.gpuObjects['Buffer'] ?? 0, 'WebGL buffers counted').toBeGreaterThan(0);
      expect(first.gpuObjects['Framebuffer'] ?? 0, 'WebGL framebuffers counted').toBeGreaterThan(0);
      // The least of the last few readings against the largest of the first few: the counts move with what is in
      // view (MapLibre's tiles, the clusters, a layer's glyph atlas) by a fifth from one cycle to the next, which is
      // not a leak; a leak raises every reading, the least included.
      const baseline = samples.slice(0, endReadings);
      const closing = samples.slice(-endReadings);
      for (const kind of Object.keys(first.gpuObjects)) {
        const start = Math.max(...baseline.map((item) => item.gpuObjects[kind] ?? 0));
        const least = Math.min(...closing.map((item) => item.gpuObjects[kind] ?? 0));
        expect(least, kind).toBeLessThanOrEqual(start * 1.1 + 2);
      }
      // The pinned camera played all along: still playing, and its decoded frames grew (10 a second when it keeps
      // up; at least 2 a second on a machine as loaded as this soak makes it).
      expect(samples.map((item) => item.video.state)).toEqual(samples.map(() => 'playing'));
      expect(last.video.frames - first.video.frames).toBeGreaterThan(
        2 * ((last.atSeconds - first.atSeconds) | 0),
      );
      expect(last.canvases).toBe(first.canvases);
      expect(last.mapControls).toBe(first.mapControls);
      expect(last.domNodes).toBeLessThanOrEqual(first.domNodes * 1.1);
      expect(errors).toEqual([]);
      await context.close();
    },
    warmUpMs + soakMs + 180_000,
  );
});
