/**
 * Writes the demo city (public/demo-city/jincheng.json) from the real extracts in mocks/source with the generator in
 * mocks/city, unless the file is already there for the same seed, camera count and generator sources: the hash of
 * those is the file's `generator.version`, so predev/pretest can call this cheaply. `--force` regenerates.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildDemoCity, defaultCameraCount, demoCitySeed } from '../mocks/city/demo-city';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'public/demo-city/jincheng.json');
const inputs = ['mocks/city', 'mocks/source', 'scripts/generate-demo-city.ts'];

function filesUnder(path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return path.endsWith('.test.ts') ? [] : [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function versionOfSources(): string {
  const hash = createHash('sha256').update(`seed ${demoCitySeed} cameras ${defaultCameraCount}`);
  for (const file of inputs.flatMap(filesUnder)) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

/** The version in an existing file, read from its first bytes ("generator" is the first key) without parsing 5 MB. */
function versionInFile(): string | null {
  if (!existsSync(output)) return null;
  const descriptor = openSync(output, 'r');
  const head = Buffer.alloc(200);
  readSync(descriptor, head, 0, head.length, 0);
  closeSync(descriptor);
  return /"version":"([0-9a-f]+)"/.exec(head.toString('utf8'))?.[1] ?? null;
}

const version = versionOfSources();
if (!process.argv.includes('--force') && versionInFile() === version) {
  console.log(`demo city up to date (${version})`);
  process.exit(0);
}

const started = performance.now();
const city = buildDemoCity({ seed: demoCitySeed, version });
const text = JSON.stringify(city);
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(2);
const grids = city.grids.features.map((grid) => grid.properties);
const population = grids.reduce((sum, grid) => sum + grid.population, 0);
const households = grids.reduce((sum, grid) => sum + grid.households, 0);
const levels = ['district', 'street', 'community'].map(
  (level) => city.regions.features.filter((region) => region.properties.level === level).length,
);
console.log(
  `demo city ${version}: ${levels.join('/')} districts/streets/communities, ${grids.length} grids, ` +
    `${city.cameras.features.length} cameras, ${city.stations.features.length} stations; ` +
    `${households} households, ${population} people; ${megabytes(Buffer.byteLength(text))} MB ` +
    `(${megabytes(gzipSync(text).length)} MB gzipped) in ${seconds} s`,
);
