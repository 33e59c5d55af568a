import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../tests/e2e/browser';
import { startPreviewServer } from '../../tests/e2e/preview-server';
import { provinceBounds } from '../../tests/e2e/province-data';
import { provinceBodies, routeProvince } from '../../tests/e2e/province-routes';
import { panEast } from './probes';
import { longTasks, type TraceEvent } from './trace-tasks';

/**
 * What the province pan's long tasks are: opens the app on the pan bench's province (70 k grids, 200 k columnar
 * cameras, 1 M columnar cases; grids, cameras and the case heat on, zoom 9), does the bench's keyboard pan under a
 * DevTools trace with the V8 sampling profiler, and prints each main-thread task over 50 ms with the trace events
 * and the JS functions inside it. Not part of `npm run bench` (one run, no baseline): a tool for finding the cause.
 *
 *   npx vite build --outDir dist-prof --minify false   # readable function names
 *   GRIDBOARD_DIST=dist-prof npx tsx bench/browser/pan-profile.ts [cases] [trace.json]
 *
 * The trace file, when named, opens in Chrome DevTools' Performance panel. The task that starts the CPU profiler
 * (`CpuProfiler::StartProfiling`, the first one) is the tool's own.
 */
const cases = Number(process.argv[2] ?? 1_000_000);
const traceFile = process.argv[3];
const view = `${(provinceBounds[0] + provinceBounds[2]) / 2},${(provinceBounds[1] + provinceBounds[3]) / 2},9`;
const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
];

async function main(): Promise<void> {
  const preview = await startPreviewServer(process.env['GRIDBOARD_DIST'] ?? 'dist');
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const config = (await (await fetch(`${preview.baseUrl}/config.json`)).json()) as Record<string, unknown>;
    const bodies = provinceBodies(
      { cameras: 200_000, cases, camerasAs: 'both', casesAs: 'columnar' },
      config,
    );
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      console.log(`page error: ${error.message}`);
    });
    await routeProvince(page, bodies);
    await page.goto(`${preview.baseUrl}/?layers=grids,cameras,cases&map=${view}`);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 180_000 });
    console.log(
      `first complete map at ${await page.getAttribute('[data-map-ready]', 'data-map-ready-ms')} ms`,
    );
    // As the bench: let the worker-fed layers finish arriving before the pan.
    await page.waitForTimeout(1_500);
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: categories },
    });
    await page.focus('.maplibregl-canvas');
    await panEast(page);
    await cdp.send('Tracing.end');
    await complete;
    if (traceFile) writeFileSync(traceFile, JSON.stringify({ traceEvents: events }));
    const tasks = longTasks(events);
    console.log(`${tasks.length} main-thread tasks over 50 ms during the pan`);
    for (const task of tasks) {
      console.log(`\n${task.durationMs.toFixed(0)} ms task at +${task.startMs.toFixed(0)} ms`);
      for (const line of task.events.slice(0, 12)) console.log(`  ${line}`);
      console.log('  self time:');
      for (const [name, ms] of task.self) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`);
      console.log('  inclusive time:');
      for (const [name, ms] of task.inclusive) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    }
    await context.close();
  } finally {
    await browser.close();
    preview.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
