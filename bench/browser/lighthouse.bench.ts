import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type RunnerResult } from 'lighthouse';
import { chromiumLaunchOptions } from '../../tests/e2e/browser';
import type { BenchFigure, BenchInfo, BenchModule } from '../bench-module';
import { barePage, barePath } from './bare-map';
import { browserSession } from './session';

/**
 * Lighthouse (npm `lighthouse`, driving Debian's Chromium through chrome-launcher) with its mobile (the default:
 * a mid-range phone, simulated slow 4G) and desktop presets, on the production build (demo mode, as shipped) and
 * on the bare MapLibre page drawing the same outlines, in the same run. The mobile run of the app also gives the
 * phone's initial transfer: every same-origin response of the first load, as served and gzipped.
 */
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const metrics = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['speed-index', 'Speed Index'],
] as const;
const presets: { name: 'mobile' | 'desktop'; config: Config | undefined }[] = [
  { name: 'mobile', config: undefined },
  { name: 'desktop', config: desktopConfig },
];

/** The bare page, MapLibre's files and the demo city it reads, from a server of its own on 127.0.0.1. */
async function serveBarePage(outDir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (type: string, body: string | Buffer) => {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    };
    if (path === barePath) send('text/html', barePage('city'));
    else if (path.startsWith('/bench/maplibre/'))
      send('text/javascript', readFileSync(`node_modules/maplibre-gl/dist/${path.split('/').pop() ?? ''}`));
    else if (path === '/demo-city/jincheng.json')
      send('application/json', readFileSync(`${outDir}/demo-city/jincheng.json`));
    else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${barePath}`, server };
}

interface NetworkRequest {
  url: string;
  transferSize?: number;
  resourceSize?: number;
}

/** The first load's same-origin responses: bytes as served, and gzipped at level 6 (a web server's usual). */
function initialTransfer(result: RunnerResult, baseUrl: string, outDir: string) {
  const items = (result.lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined)
    ?.items;
  const totals = { shell: { raw: 0, gzip: 0, files: 0 }, data: { raw: 0, gzip: 0, files: 0 } };
  for (const item of items ?? []) {
    if (!item.url.startsWith(baseUrl)) continue;
    const path = new URL(item.url).pathname;
    const file = `${outDir}${path === '/' ? '/index.html' : path}`;
    if (!existsSync(file) || path.endsWith('/')) continue;
    const body = readFileSync(file);
    const part = path.startsWith('/demo-city/') ? totals.data : totals.shell;
    part.raw += body.length;
    part.gzip += gzipSync(body, { level: 6 }).length;
    part.files += 1;
  }
  return totals;
}

export const lighthouseBench: BenchModule = {
  name: 'browser: lighthouse (mobile, desktop)',
  environment: 'chromium',
  async run(log) {
    if (process.argv.includes('--quick')) {
      log('skipped under --quick (four Lighthouse runs take minutes)');
      return { figures: [], info: [] };
    }
    const { baseUrl, outDir } = await browserSession(log);
    const bare = await serveBarePage(outDir);
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumLaunchOptions.executablePath,
      chromeFlags: ['--headless=new', ...chromiumLaunchOptions.args],
    });
    const figures: BenchFigure[] = [];
    const info: BenchInfo[] = [];
    mkdirSync('bench-results', { recursive: true });
    try {
      for (const preset of presets) {
        const results: Record<'app' | 'bare', RunnerResult> = {} as Record<'app' | 'bare', RunnerResult>;
        for (const [target, url] of [
          ['app', `${baseUrl}/`],
          ['bare', bare.url],
        ] as const) {
          const result = await lighthouse(
            url,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
            preset.config,
          );
          if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
          writeFileSync(`bench-results/lighthouse-${preset.name}-${target}.json`, result.report as string);
          results[target] = result;
          const scores = categories.map(
            (category) => `${category} ${Math.round((result.lhr.categories[category]?.score ?? 0) * 100)}`,
          );
          log(`${preset.name}, ${target}: ${scores.join(', ')}`);
          for (const category of categories) {
            info.push({
              id: `lighthouse-${preset.name}-${target}-${category}`,
              label: `Lighthouse ${preset.name}, ${target === 'app' ? 'Gridboard' : 'bare MapLibre'}: ${category}`,
              value: Math.round((result.lhr.categories[category]?.score ?? 0) * 100),
              unit: 'score',
              notes: [`Lighthouse ${result.lhr.lighthouseVersion}, ${result.lhr.userAgent}`],
            });
          }
          for (const [audit, name] of metrics) {
            info.push({
              id: `lighthouse-${preset.name}-${target}-${audit}`,
              label: `Lighthouse ${preset.name}, ${target === 'app' ? 'Gridboard' : 'bare MapLibre'}: ${name}`,
              value: Math.round(result.lhr.audits[audit]?.numericValue ?? Number.NaN),
              unit: 'ms',
              notes: ['simulated throttling (Lighthouse’s Lantern model)'],
            });
          }
        }
        // Speed Index, not LCP: the bare page is a canvas alone, which has no largest contentful paint (Lighthouse
        // then gives it no LCP, no TBT and a performance score of 0), while both have a Speed Index.
        const speedIndex = (target: 'app' | 'bare') =>
          results[target].lhr.audits['speed-index']?.numericValue ?? Number.NaN;
        figures.push({
          id: `lighthouse-${preset.name}-speed-index`,
          label: `Lighthouse ${preset.name}: Speed Index (app vs bare MapLibre, same outlines)`,
          candidate: 'Gridboard dashboard, production build, demo mode',
          baseline: 'bare MapLibre page: region and grid outlines from the same demo-city file',
          candidateMilliseconds: speedIndex('app'),
          baselineMilliseconds: speedIndex('bare'),
          speedup: speedIndex('bare') / speedIndex('app'),
          runs: 1,
          notes: [
            'one Lighthouse run each; scores in the info rows, reports in bench-results/lighthouse-*.json',
          ],
        });
        if (preset.name === 'mobile') {
          const transfer = initialTransfer(results.app, baseUrl, outDir);
          log(
            `phone initial transfer: app shell ${transfer.shell.files} files ${transfer.shell.raw} B (gzip ${transfer.shell.gzip} B), demo-city data ${transfer.data.raw} B (gzip ${transfer.data.gzip} B)`,
          );
          for (const [part, totals] of Object.entries(transfer)) {
            info.push({
              id: `phone-initial-transfer-${part}`,
              label: `phone, first load: ${part === 'shell' ? 'app shell (page, scripts, styles)' : 'demo-city data'}, gzip level 6`,
              value: totals.gzip,
              unit: 'bytes',
              notes: [`${totals.files} files, ${totals.raw} bytes uncompressed`],
            });
          }
        }
      }
    } finally {
      chrome.kill();
      bare.server.close();
    }
    return { figures, info };
  },
};
