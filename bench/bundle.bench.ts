import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BenchInfo, BenchModule } from './bench-module';

/**
 * The initial bundle: what a first visit downloads before the app can start — the entry chunk, every chunk it
 * imports statically, their CSS — gzipped, from the production build's manifest (dist/.vite/manifest.json).
 * Chunks reached only through dynamic imports (planner, wall, image export, non-default providers, workers) are
 * listed as lazy. A size, not a timing: no baseline; the budget is issue 22's ≤ 800 kB gzipped, and a build above it
 * fails the run (`--quick` included, so CI), since a size does not depend on how busy the machine is.
 */
interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Issue 22: charts, sign-in, file parsers, planner and wall load when needed (docs/performance.md, "Bundle"). */
export const initialJsBudgetBytes = 800_000;
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

export const bundleBench: BenchModule = {
  name: 'bundle',
  environment: 'node',
  run(log) {
    const outDir = process.env.GRIDBOARD_DIST ?? 'dist';
    const manifestPath = `${outDir}/.vite/manifest.json`;
    if (!existsSync(manifestPath)) {
      log(
        `no ${manifestPath}: run \`npm run build\` first (the browser modules build it when dist/ is missing)`,
      );
      return { figures: [], info: [] };
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
    const gzipped = (file: string) => gzipSync(readFileSync(`${outDir}/${file}`), { level: 9 }).length;
    const initial = new Set<string>();
    const visit = (key: string) => {
      if (initial.has(key)) return;
      initial.add(key);
      for (const next of manifest[key]?.imports ?? []) visit(next);
    };
    for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
    const rows = [...initial].map((key) => {
      const chunk = manifest[key];
      return { key, file: chunk?.file ?? key, bytes: chunk ? gzipped(chunk.file) : 0 };
    });
    const css = [...new Set([...initial].flatMap((key) => manifest[key]?.css ?? []))];
    const jsBytes = rows.reduce((sum, row) => sum + row.bytes, 0);
    const cssBytes = css.reduce((sum, file) => sum + gzipped(file), 0);
    rows.sort((a, b) => b.bytes - a.bytes);
    for (const row of rows) log(`initial ${row.file} (${row.key}): ${kilobytes(row.bytes)} gzipped`);
    const lazy = Object.entries(manifest).filter(
      ([key, chunk]) => !initial.has(key) && chunk.file.endsWith('.js'),
    );
    for (const [key, chunk] of lazy)
      log(`lazy ${chunk.file} (${key}): ${kilobytes(gzipped(chunk.file))} gzipped`);
    const notes = [
      rows.map((row) => `${row.file} ${kilobytes(row.bytes)}`).join(', '),
      `lazy: ${lazy.map(([key]) => key).join(', ')}`,
    ];
    const info: BenchInfo[] = [
      {
        id: 'bundle-initial-js',
        label: `initial JS, gzipped (${rows.length} chunks; largest ${rows
          .slice(0, 3)
          .map((row) => `${row.file.replace(/^assets\//, '')} ${kilobytes(row.bytes)}`)
          .join(', ')})`,
        value: jsBytes / 1000,
        unit: 'kB',
        notes,
        goal: {
          description: `≤ ${kilobytes(initialJsBudgetBytes)} gzipped`,
          met: jsBytes <= initialJsBudgetBytes,
          gates: true,
        },
      },
      {
        id: 'bundle-initial-css',
        label: 'initial CSS, gzipped',
        value: cssBytes / 1000,
        unit: 'kB',
        notes: [],
      },
    ];
    return { figures: [], info };
  },
};
