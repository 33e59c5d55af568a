import { mkdirSync, writeFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { devices, type Browser, type BrowserContextOptions } from 'playwright-core';
import { PNG } from 'pngjs';
import { projector } from './map-projection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraClusterColour } from '../../src/map/cameras.layer';
import { gridTypeColours } from '../../src/map/grid-fill';
import { baseUrl, launchBrowser } from './browser';
import { mapBackground, rgbOf, type Rgb } from './pixels';

/**
 * The default city view reads at a glance: over the city's own area (its outline projected to the screen here,
 * with Web Mercator's formulas, from the camera the map settled on) the grid fill shows on at least 60 % of the
 * pixels, and no cluster disc covers any of it.
 */
interface CityRegion {
  properties: { level: string };
  geometry: Polygon;
}

let browser: Browser;
let outline: Polygon;
beforeAll(async () => {
  browser = await launchBrowser();
  const city = (await (await fetch(`${baseUrl()}/demo-city/jincheng.json`)).json()) as {
    regions: { features: CityRegion[] };
  };
  outline = city.regions.features.find((region) => region.properties.level === 'city')!.geometry;
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

/** Whether a point is inside the rings (even–odd), for every pixel centre of the image, by scanlines. */
function insideMask(rings: [number, number][][], width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let row = 0; row < height; row += 1) {
    const y = row + 0.5;
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y) crossings.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const from = Math.max(0, Math.ceil(crossings[k]! - 0.5));
      const to = Math.min(width - 1, Math.floor(crossings[k + 1]! - 0.5));
      for (let column = from; column <= to; column += 1) mask[row * width + column] = 1;
    }
  }
  return mask;
}

const near = (data: Buffer, offset: number, colour: Rgb, tolerance: number) =>
  Math.abs(data[offset]! - colour[0]) +
    Math.abs(data[offset + 1]! - colour[1]) +
    Math.abs(data[offset + 2]! - colour[2]) <=
  tolerance;

// Each grid type's fill at 55 % over the background; a cluster disc's colour at its own opacity over a fill.
const fills: Rgb[] = Object.values(gridTypeColours).map(
  (hex) => rgbOf(hex).map((value, index) => Math.round(0.55 * value + 0.45 * mapBackground[index]!)) as Rgb,
);
const clusterAlpha = cameraClusterColour[3] / 255;
const discs: Rgb[] = [...fills, mapBackground].map(
  (under) =>
    cameraClusterColour
      .slice(0, 3)
      .map((value, index) => Math.round(clusterAlpha * value + (1 - clusterAlpha) * under[index]!)) as Rgb,
);

const profiles: { name: string; profile: BrowserContextOptions }[] = [
  { name: 'desktop', profile: { viewport: { width: 1600, height: 1000 } } },
  { name: 'tablet', profile: devices['iPad Mini landscape'] },
];

describe('the default city view', () => {
  it.each(profiles)(
    'on a $name: the grid fill covers at least 60 % of the city, no cluster disc on it',
    async ({ name, profile }) => {
      const context = await browser.newContext({ ...profile, deviceScaleFactor: 1, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/`);
      await page.waitForSelector('[data-map-ready="true"]', { timeout: 90_000 });
      const map = page.locator('.dashboard__map .grid-map');
      await expect.poll(() => map.getAttribute('data-map-camera')).toBeTruthy();
      const camera = (await map.getAttribute('data-map-camera'))!.split(',').map(Number) as [
        number,
        number,
        number,
      ];
      const shot = await map.screenshot();
      writeFileSync(`test-results/city-view-${name}.png`, shot);
      const image = PNG.sync.read(shot);
      const project = projector(camera, image);
      const mask = insideMask(
        outline.coordinates.map((ring) => ring.map(project)),
        image.width,
        image.height,
      );

      let city = 0;
      let filled = 0;
      let covered = 0;
      for (let pixel = 0; pixel < mask.length; pixel += 1) {
        if (!mask[pixel]) continue;
        city += 1;
        const offset = pixel * 4;
        if (fills.some((fill) => near(image.data, offset, fill, 24))) filled += 1;
        if (discs.some((disc) => near(image.data, offset, disc, 12))) covered += 1;
      }
      writeFileSync(
        `test-results/city-view-${name}.json`,
        JSON.stringify({
          camera,
          cityShareOfMap: city / mask.length,
          fillShareOfCity: filled / city,
          covered,
        }),
      );
      // The projected outline must be the city on this screen: a good part of the map, not a sliver or nothing.
      expect(city / mask.length).toBeGreaterThan(0.2);
      expect(filled / city).toBeGreaterThanOrEqual(0.6);
      expect(covered).toBe(0);
      await context.close();
    },
  );
});
