import type { Page } from 'playwright-core';
import { median } from '../measure';

/**
 * What the browser modules measure inside a page: frame intervals (requestAnimationFrame) and main-thread long
 * tasks (PerformanceObserver 'longtask', > 50 ms by definition) while the map pans, and the main thread's JS heap
 * after a garbage collection (Chrome DevTools Protocol; workers' heaps are not in it).
 */
interface BenchWindow {
  __benchLongTasks: [number, number][];
  __benchFrames: number[];
  __benchRecording: boolean;
}

/** Register the long-task observer before any page script runs, so load-time tasks are seen too. */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as BenchWindow;
    w.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__benchLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

export interface PanFigures {
  frameMedianMs: number;
  frameP95Ms: number;
  longestTaskMs: number;
  longTasks: number;
}

const panSteps = 16;

/** The bench's pan: east with the keyboard (MapLibre's 100 px steps), 100 ms apart, then 800 ms to settle. */
export async function panEast(page: Page): Promise<void> {
  for (let step = 0; step < panSteps; step += 1) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(800);
}

/** Pan as `panEast` does and measure frames and long tasks until it has settled. */
export async function panAndMeasure(page: Page): Promise<PanFigures> {
  await page.focus('.maplibregl-canvas');
  // A string, not a function: tsx names inner functions with a helper that does not exist in the page.
  const started = await page.evaluate<number>(`(() => {
    window.__benchFrames = [];
    window.__benchRecording = true;
    let last = performance.now();
    function tick(time) {
      window.__benchFrames.push(time - last);
      last = time;
      if (window.__benchRecording) requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
    return performance.now();
  })()`);
  await panEast(page);
  const { frames, tasks } = await page.evaluate((since) => {
    const w = window as unknown as BenchWindow;
    w.__benchRecording = false;
    return { frames: w.__benchFrames, tasks: w.__benchLongTasks.filter(([start]) => start >= since) };
  }, started);
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frameMedianMs: median(frames),
    frameP95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    longestTaskMs: Math.max(0, ...tasks.map(([, duration]) => duration)),
    longTasks: tasks.length,
  };
}

export async function heapMegabytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1_048_576;
}
