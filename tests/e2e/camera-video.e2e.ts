import { distance } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, type OpenedPage } from './browser';
import { cameraOf, projector } from './map-projection';

/**
 * Camera video on the production build, one page: a camera clicked on the dashboard map plays the demo's HLS
 * stream (the video's clock advances and its frames are neither black nor still, read from its pixels), first
 * through hls.js (the page is told the browser has no HLS of its own, as Firefox and Chromium before 141 have
 * none: Media Source Extensions under the CSP's media-src blob:), then natively; a camera
 * at fault shows an alert naming it and the reason; a case's "cameras around" opens the four nearest in a 2×2
 * grid, the four a great-circle search over the demo file finds; the review's key-site coverage is the share a
 * search over every station and online camera of the file finds, and an uncovered site's name takes the map there.
 */
interface City {
  stations: { features: { geometry: { coordinates: [number, number] }; properties: { id: string } }[] };
  cameras: {
    features: {
      geometry: { coordinates: [number, number] };
      properties: { id: string; name: string; status: string };
    }[];
  };
}
type Camera = City['cameras']['features'][number];

let browser: Browser;
let opened: OpenedPage;
let page: Page;
let city: City;
let cameras: Camera[];
let online: Camera;
let fault: Camera;

const metres = (a: readonly number[], b: readonly number[]) =>
  distance([a[0]!, a[1]!], [b[0]!, b[1]!], { units: 'meters' });

/** An online camera and a camera at fault 150–350 m apart, each with no other camera within 40 m of it. */
function pickPair(all: Camera[]): [Camera, Camera] {
  const alone = (camera: Camera) =>
    all.every(
      (other) => other === camera || metres(other.geometry.coordinates, camera.geometry.coordinates) > 40,
    );
  for (const faulty of all.filter((camera) => camera.properties.status === 'fault' && alone(camera))) {
    const near = all.find(
      (camera) =>
        camera.properties.status === 'online' &&
        metres(camera.geometry.coordinates, faulty.geometry.coordinates) > 150 &&
        metres(camera.geometry.coordinates, faulty.geometry.coordinates) < 350 &&
        alone(camera),
    );
    if (near) return [near, faulty];
  }
  throw new Error('the demo city has no such pair of cameras');
}

beforeAll(async () => {
  city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as City;
  cameras = city.cameras.features;
  [online, fault] = pickPair(cameras);
  const [a, b] = [online.geometry.coordinates, fault.geometry.coordinates];
  browser = await launchBrowser();
  opened = await openPage(
    browser,
    `/?layers=grids,cameras&map=${(a[0] + b[0]) / 2},${(a[1] + b[1]) / 2},16`,
    undefined,
    () => {
      // No native HLS until the test gives it back (window.nativeHls = true).
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the element as `this`
      const canPlayType = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (this: HTMLMediaElement, type: string) {
        const native = (window as unknown as { nativeHls?: boolean }).nativeHls === true;
        return /mpegurl/i.test(type) && !native ? '' : canPlayType.call(this, type);
      };
    },
  );
  page = opened.page;
  await page.waitForSelector('.grid-map[data-map-ready="true"]', { timeout: 90_000 });
});
afterAll(async () => {
  await browser.close();
});

/** Click where the camera is, projected here (Web Mercator) from the camera the map reports. */
async function clickCamera(camera: Camera): Promise<void> {
  const map = page.locator('.grid-map');
  const box = (await map.boundingBox())!;
  const view = cameraOf((await map.getAttribute('data-map-camera')) ?? '');
  const [x, y] = projector(view, box)(camera.geometry.coordinates);
  await page.mouse.click(box.x + x, box.y + y);
}

/** The mean brightness of the video's current frame and a coarse fingerprint of it, read through a canvas. */
const frameOf = (player: string) =>
  page.evaluate((selector) => {
    const video = document.querySelector<HTMLVideoElement>(`${selector} video`)!;
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [64, 36];
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(video, 0, 0, 64, 36);
    const { data } = context.getImageData(0, 0, 64, 36);
    let sum = 0;
    for (let index = 0; index < data.length; index += 4)
      sum += data[index]! + data[index + 1]! + data[index + 2]!;
    return { brightness: sum / (data.length / 4) / 3, pixels: Array.from(data), time: video.currentTime };
  }, player);

describe('camera video', () => {
  const player = () => `[data-testid="video-panel"] [data-camera-id="${online.properties.id}"]`;

  it('plays a clicked camera through hls.js: its clock advances and its frames change and are not black', async () => {
    await clickCamera(online);
    const player = `[data-testid="video-panel"] [data-camera-id="${online.properties.id}"]`;
    await page.waitForSelector(`${player}[data-state="playing"][data-engine="hls.js"]`, { timeout: 30_000 });
    const caption = (await page.locator(`${player} figcaption`).textContent()) ?? '';
    expect(caption).toContain(online.properties.name);
    expect(caption).toContain('在线');
    // The first decoded frame may come a moment after "playing": wait for a picture, then for a second later.
    await expect
      .poll(async () => (await frameOf(player)).brightness, { timeout: 10_000 })
      .toBeGreaterThan(30);
    const first = await frameOf(player);
    await expect
      .poll(async () => (await frameOf(player)).time, { timeout: 10_000 })
      .toBeGreaterThan(first.time + 1);
    const later = await frameOf(player);
    expect(later.brightness).toBeGreaterThan(30);
    // testsrc2 moves every frame: at least a tenth of the samples differ a second apart.
    const changed = later.pixels.filter(
      (value, index) => Math.abs(value - (first.pixels[index] ?? 0)) > 24,
    ).length;
    expect(changed).toBeGreaterThan(first.pixels.length / 10);
    await page.getByRole('button', { name: '关闭视频' }).click();
    await expect.poll(() => page.locator('[data-testid="video-panel"]').count()).toBe(0);
  });

  it('plays it natively where the browser plays HLS itself', async () => {
    await page.evaluate(() => Object.assign(window, { nativeHls: true }));
    await clickCamera(online);
    await page.waitForSelector(`${player()}[data-state="playing"][data-engine="native"]`, {
      timeout: 30_000,
    });
    await expect
      .poll(async () => (await frameOf(player())).brightness, { timeout: 10_000 })
      .toBeGreaterThan(30);
    const first = await frameOf(player());
    await expect
      .poll(async () => (await frameOf(player())).time, { timeout: 10_000 })
      .toBeGreaterThan(first.time + 1);
    await page.keyboard.press('Escape');
  });

  it('says in an alert that a camera at fault has no stream, naming the camera and the reason', async () => {
    await clickCamera(fault);
    const alert = page.locator(`[data-camera-id="${fault.properties.id}"] [role="alert"]`);
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain(fault.properties.name);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('视频流不存在（HTTP 404）');
    expect(text).toContain('秒后重试');
    await page.keyboard.press('Escape');
  });

  it("opens the four cameras nearest a case in a 2×2 grid from the case's detail", async () => {
    // Opened only now: the live cases' pulses keep a software-rendered map busy, and the video wants the cores.
    await page.getByRole('tab', { name: '实时事件' }).click();
    const item = page.locator('[data-testid="latest-cases"] [data-case-id]').first();
    await item.waitFor({ timeout: 30_000 });
    const caseId = (await item.getAttribute('data-case-id'))!;
    await item.click();
    const position = await page.evaluate(async (id) => {
      const body = (await (await fetch(`/api/cases?ids=${id}`)).json()) as {
        features: { geometry: { coordinates: [number, number] } }[];
      };
      return body.features[0]!.geometry.coordinates;
    }, caseId);
    const expected = cameras
      .map((camera) => ({ id: camera.properties.id, metres: metres(camera.geometry.coordinates, position) }))
      .sort((a, b) => a.metres - b.metres)
      .slice(0, 4)
      .map(({ id }) => id);
    await page.getByRole('button', { name: '查看周边 4 个摄像头' }).click();
    const players = page.locator('[data-testid="video-panel"] [data-camera-id]');
    await expect.poll(() => players.count()).toBe(4);
    expect(
      (await players.evaluateAll((all) => all.map((one) => one.getAttribute('data-camera-id')))).sort(),
    ).toEqual([...expected].sort());
    expect(await page.getByTestId('video-panel').getAttribute('aria-label')).toBe(
      `案件 ${caseId} 周边摄像头`,
    );
    // Two columns and two rows.
    const boxes = await players.evaluateAll((all) =>
      all.map((one) => one.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(new Set(boxes.map((box) => Math.round(box.x))).size).toBe(2);
    expect(new Set(boxes.map((box) => Math.round(box.y))).size).toBe(2);
    expect(await page.locator('[data-testid="video-panel"] video').count()).toBe(4);
    expect(opened.errors).toEqual([]);
  });

  it("shows the city's key-site coverage, the share a search over the file finds, and goes to an uncovered site", async () => {
    // Every station against every online camera within 100 m (the default), camera positions as 32-bit floats
    // as the map's columns hold them; a box test first only to skip the far pairs.
    const onlineCameras = cameras
      .filter((camera) => camera.properties.status === 'online')
      .map((camera) => camera.geometry.coordinates.map(Math.fround));
    const uncovered = city.stations.features.filter(
      ({
        geometry: {
          coordinates: [x, y],
        },
      }) =>
        onlineCameras.every(
          ([cx, cy]) =>
            Math.abs(cx! - x) > 0.002 || Math.abs(cy! - y) > 0.002 || metres([x, y], [cx!, cy!]) > 100,
        ),
    );
    await page.getByRole('tab', { name: '态势研判' }).click();
    const coverage = page.getByTestId('key-site-coverage');
    await coverage.waitFor({ timeout: 30_000 });
    expect(await coverage.getAttribute('data-total')).toBe(String(city.stations.features.length));
    expect(await coverage.getAttribute('data-covered')).toBe(
      String(city.stations.features.length - uncovered.length),
    );
    // The uncovered sites listed, in the file's order: the first thirty by name.
    const listed = await coverage
      .locator('[data-site-id]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-site-id')));
    expect(listed).toEqual(uncovered.slice(0, 30).map((station) => station.properties.id));
    const first = coverage.locator('[data-site-id]').first();
    const id = listed[0]!;
    const [lng, lat] = city.stations.features.find((station) => station.properties.id === id)!.geometry
      .coordinates;
    await first.click();
    await expect
      .poll(async () => cameraOf((await page.locator('.grid-map').getAttribute('data-map-camera')) ?? ''), {
        timeout: 10_000,
      })
      .toEqual([expect.closeTo(lng, 5), expect.closeTo(lat, 5), 17]);
  });
});
