import type { Page } from 'playwright-core';
import { countChangedPixels } from './pixels';

/** Anything Playwright can photograph: a page or a locator. */
interface Photographed {
  screenshot(): Promise<Buffer>;
}

/**
 * A screenshot taken once the picture has stopped changing: two shots in a row alike (the map has finished
 * drawing what it was given). `tolerance` is how many pixels may still differ between them, for a map with a
 * small animation running (a live case's pulse); 0 asks for the same bytes. For a baseline whose content the test
 * does not know beforehand; where the expected picture is known, poll for it instead (`expect.poll`). A map that
 * never settles fails here with a message rather than being photographed half drawn.
 */
export async function settledShot(target: Photographed, tolerance = 0, timeoutMs = 30_000): Promise<Buffer> {
  const deadline = Date.now() + timeoutMs;
  let previous = await target.screenshot();
  for (;;) {
    const next = await target.screenshot();
    const alike =
      tolerance === 0 ? next.equals(previous) : countChangedPixels(previous, next).changed <= tolerance;
    if (alike) return next;
    if (Date.now() > deadline) throw new Error(`the picture was still changing after ${timeoutMs} ms`);
    previous = next;
  }
}

/**
 * Waits until the page has painted the frames it had pending: two animation frames after the call. For a
 * change that is the same frame's work (a click that only starts a drawing), where no picture to wait for yet.
 */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
