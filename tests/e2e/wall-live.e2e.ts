import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveWindow, toChinaIso } from '../../src/domain/time-window';
import { cameraStatusColours } from '../../src/map/cameras.layer';
import { caseStageColours } from '../../src/map/cases/case-colours';
import { baseUrl, launchBrowser } from './browser';
import { cameraOf, projector } from './map-projection';

/**
 * The live wall at its design resolution (3840×2160) on the in-page demo city, whose case stream is real: the
 * first scene (grids and heat) draws the window's case heat where the cases are densest and no camera; the tour
 * then switches to a scene of cameras and pulses (the heat leaves, the cameras come in their status colour at
 * their own positions), and a case the stream brings pulses where it was reported.
 */
const configPath = '/wall-live-config.json';
const sceneSeconds = 12;
const idleResumeSeconds = 3;
const wallSize = {
  width: Number(process.env.WALL_LIVE_WIDTH ?? 1920),
  height: Number(process.env.WALL_LIVE_HEIGHT ?? 1080),
};
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

type Rgb = readonly [number, number, number];
const near = (image: PNG, x: number, y: number, colour: Rgb, tolerance: number): boolean => {
  const offset = (Math.round(y) * image.width + Math.round(x)) * 4;
  const d =
    Math.abs((image.data[offset] ?? 0) - colour[0]) +
    Math.abs((image.data[offset + 1] ?? 0) - colour[1]) +
    Math.abs((image.data[offset + 2] ?? 0) - colour[2]);
  return d <= tolerance;
};
/**
 * Heat is the YlOrRd ramp: red well above green and blue. The grid-type fills (olive, teal, slate) are not; a
 * fault camera's vermillion is, so that colour is left out.
 */
const fault = cameraStatusColours.fault.slice(0, 3) as unknown as Rgb;
const isHeat = (image: PNG, x: number, y: number): boolean => {
  const offset = (Math.round(y) * image.width + Math.round(x)) * 4;
  const [r, g, b] = [image.data[offset] ?? 0, image.data[offset + 1] ?? 0, image.data[offset + 2] ?? 0];
  return r > 150 && r - g > 50 && r - b > 80 && !near(image, x, y, fault, 40);
};
/** Pixels within `radius` of (x, y) that pass `test`. */
function countAround(
  image: PNG,
  x: number,
  y: number,
  radius: number,
  test: (x: number, y: number) => boolean,
) {
  let count = 0;
  for (let dy = -radius; dy <= radius; dy++)
    for (let dx = -radius; dx <= radius; dx++) {
      const [px, py] = [x + dx, y + dy];
      if (px >= 0 && py >= 0 && px < image.width && py < image.height && test(px, py)) count += 1;
    }
  return count;
}

async function mapPicture(page: Page) {
  const map = page.locator('.wall .grid-map');
  const camera = cameraOf((await map.getAttribute('data-map-camera')) ?? '');
  const box = (await map.boundingBox())!;
  // The page's picture clipped to the map: an element screenshot waits for the element to stop moving, which
  // a map that keeps drawing (the heat, the pulses) may never do.
  const shot = await page.screenshot({ clip: box, animations: 'allow' });
  return { image: PNG.sync.read(shot), shot, project: projector(camera, box) };
}

async function openWall(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: wallSize.width, height: wallSize.height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const baseConfig = (await (await fetch(`${baseUrl()}/config.json`)).json()) as Record<string, unknown>;
  const tour = [
    { layers: ['grids', 'heat'], seconds: sceneSeconds },
    { layers: ['grids', 'cameras', 'pulses'], seconds: 3600 },
  ];
  await context.route(
    (url) => url.pathname === configPath,
    (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          ...baseConfig,
          wall: { designWidth: wallSize.width, designHeight: wallSize.height, tour, idleResumeSeconds },
        }),
      }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl()}/wall?config=${configPath}`);
  return { page, errors };
}

/**
 * Holds the tour on its scene the way a person would, by touching the wall (a key) every few seconds while
 * `task` runs; once it is done the tour resumes after its idle time and moves on.
 */
async function holdingScene<T>(page: Page, task: () => Promise<T>): Promise<T> {
  const touch = () => void page.keyboard.press('Shift').catch(() => undefined);
  touch();
  const timer = setInterval(touch, 2_000);
  try {
    await page.waitForSelector('main.wall[data-tour="paused"]', { timeout: 60_000 });
    return await task();
  } finally {
    clearInterval(timer);
  }
}

/** The densest 0.01° cell of the window's cases, judged in Node from what the provider serves. */
async function densestCell(page: Page): Promise<[number, number]> {
  const period = resolveWindow({ preset: '30d' }, Date.now());
  const url = `/api/cases?from=${encodeURIComponent(toChinaIso(period.from))}&to=${encodeURIComponent(toChinaIso(period.to))}`;
  const positions = await page.evaluate(async (target) => {
    const body = (await (await fetch(target)).json()) as {
      features: { geometry: { coordinates: number[] } }[];
    };
    return body.features.map((feature) => feature.geometry.coordinates);
  }, url);
  const cells = new Map<string, number>();
  for (const [lng = 0, lat = 0] of positions) {
    const key = `${Math.floor(lng * 100)},${Math.floor(lat * 100)}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  const [best] = [...cells.entries()].sort((a, b) => b[1] - a[1]);
  const [x, y] = best![0].split(',').map(Number);
  return [(x! + 0.5) / 100, (y! + 0.5) / 100];
}

async function onlineCameras(page: Page): Promise<[number, number][]> {
  return page.evaluate(async () => {
    const body = (await (await fetch('/api/cameras')).json()) as {
      features: { properties: { status: string }; geometry: { coordinates: [number, number] } }[];
    };
    return body.features
      .filter((feature) => feature.properties.status === 'online')
      .map((feature) => feature.geometry.coordinates);
  });
}

/** The next new case the stream brings (its first step), read from the same stream the wall listens to. */
async function nextStreamedCase(page: Page): Promise<{ id: string; position: [number, number] }> {
  return page.evaluate(async () => {
    const response = await fetch('/api/cases/stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      text += decoder.decode(value, { stream: true });
      for (const frame of text.split('\n\n')) {
        const data = /^event: case\ndata: (.*)$/m.exec(frame.replace(/^id: .*\n/m, ''))?.[1];
        if (!data) continue;
        const feature = JSON.parse(data) as {
          properties: { id: string; status: string };
          geometry: { coordinates: [number, number] };
        };
        if (feature.properties.status === 'reported') {
          await reader.cancel();
          return { id: feature.properties.id, position: feature.geometry.coordinates };
        }
      }
    }
  });
}

describe('the live wall (WALL_LIVE_WIDTH × WALL_LIVE_HEIGHT, 1920×1080 by default)', () => {
  it('draws the heat and the cameras where they are, switches layers with the scene, and pulses a streamed case', async () => {
    const { page, errors } = await openWall();
    const wall = page.locator('main.wall');
    let hottest: [number, number] = [0, 0];
    let cameras: [number, number][] = [];

    const online = cameraStatusColours.online.slice(0, 3) as unknown as Rgb;
    // Cameras drawn at their positions: most online cameras have a pixel of their colour within 3 px.
    const camerasHit = (picture: Awaited<ReturnType<typeof mapPicture>>) => {
      const sample = cameras.filter((_, index) => index % 7 === 0);
      const hits = sample.filter((position) => {
        const [x, y] = picture.project(position);
        return countAround(picture.image, x, y, 3, (px, py) => near(picture.image, px, py, online, 90)) > 0;
      });
      return hits.length / sample.length;
    };
    const heatAt = (picture: Awaited<ReturnType<typeof mapPicture>>) => {
      const [x, y] = picture.project(hottest);
      return countAround(picture.image, x, y, 12, (px, py) => isHeat(picture.image, px, py));
    };

    const first = await holdingScene(page, async () => {
      expect(await wall.getAttribute('data-scene')).toBe('0');
      expect(await wall.getAttribute('data-scene-layers')).toBe('grids heat');
      await page
        .waitForSelector('.wall [data-map-ready="true"]', { timeout: 110_000 })
        .catch(async (error: unknown) => {
          writeFileSync('test-results/wall-live-not-ready.png', await page.screenshot());
          throw error;
        });
      hottest = await densestCell(page);
      cameras = await onlineCameras(page);
      await expect
        .poll(async () => heatAt(await mapPicture(page)), { timeout: 60_000, interval: 2_000 })
        .toBeGreaterThan(40);
      return mapPicture(page);
    });
    writeFileSync('test-results/wall-live-heat.png', first.shot);
    expect(await wall.getAttribute('data-scene')).toBe('0');
    expect(heatAt(first)).toBeGreaterThan(40);
    expect(camerasHit(first)).toBeLessThan(0.2);

    // The tour moves on to the cameras and pulses scene: the heat leaves the map, the cameras come.
    await page.waitForFunction(
      () => document.querySelector('main.wall')?.getAttribute('data-scene') === '1',
      undefined,
      { timeout: (idleResumeSeconds + sceneSeconds + 20) * 1000 },
    );
    expect(await wall.getAttribute('data-scene-layers')).toBe('grids cameras pulses');
    await expect
      .poll(async () => heatAt(await mapPicture(page)), { timeout: 20_000, interval: 1_000 })
      .toBeLessThan(10);
    const second = await mapPicture(page);
    writeFileSync('test-results/wall-live-pulses-scene.png', second.shot);
    expect(camerasHit(second)).toBeGreaterThan(0.8);

    // A case the stream brings pulses where it was reported (the pulse lasts four seconds). Its ring is the
    // first step's vermillion, which a fault camera shares: the quiet picture is the baseline.
    const pulse = caseStageColours.reported.slice(0, 3) as unknown as Rgb;
    const streamed = await nextStreamedCase(page);
    const [x, y] = second.project(streamed.position);
    const quiet = countAround(second.image, x, y, 40, (px, py) => near(second.image, px, py, pulse, 80));
    let seen = 0;
    const until = Date.now() + 6_000;
    while (Date.now() < until && seen < 40) {
      const picture = await mapPicture(page);
      seen = countAround(picture.image, x, y, 40, (px, py) => near(picture.image, px, py, pulse, 80));
      if (seen >= 40) writeFileSync('test-results/wall-live-pulse.png', picture.shot);
    }
    expect(quiet).toBeLessThan(10);
    expect(seen, `pulse pixels around the streamed case ${streamed.id}`).toBeGreaterThanOrEqual(40);
    expect(errors).toEqual([]);
  }, 240_000);
});
