import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Layout checks the phone and tablet journeys share, each measured in the page from what is rendered: what
 * sticks out sideways, how much of the first screen the map itself shows, and which controls are too small to
 * hit with a finger.
 */

/** Elements that reach past the right edge of the screen without a scrolling or clipping box to hold them. */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const found: string[] = [];
    if (root.scrollWidth > root.clientWidth) found.push(`html ${root.scrollWidth} > ${root.clientWidth}`);
    if (document.body.scrollWidth > document.body.clientWidth)
      found.push(`body ${document.body.scrollWidth} > ${document.body.clientWidth}`);
    const clipped = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (parent === document.body) return false;
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > root.clientWidth + 1 && !clipped(element)) {
        found.push(`${element.tagName.toLowerCase()}.${element.className} right ${Math.round(box.right)}`);
      }
    }
    return found;
  });
}

/**
 * The share of the first screen where the map itself is what shows: the screen sampled every 8 px, a sample
 * counted when the topmost element there is the map's canvas (not a panel, sheet, control or header over it).
 */
export async function mapShareOfScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    let onMap = 0;
    let all = 0;
    for (let y = 4; y < window.innerHeight; y += 8) {
      for (let x = 4; x < window.innerWidth; x += 8) {
        all += 1;
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('maplibregl-canvas')) onMap += 1;
      }
    }
    return onMap / all;
  });
}

/** Controls a finger can reach that are smaller than 44 × 44 px (a checkbox counts by its label). */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'button, select, a[href], [role="tab"], input:not([type="checkbox"]):not([type="radio"])';
    const targets: Element[] = [...document.querySelectorAll(selector)];
    for (const box of document.querySelectorAll('input[type="checkbox"], input[type="radio"]')) {
      targets.push(box.closest('label') ?? box);
    }
    return targets.flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return [];
      if (box.width >= 44 - 0.5 && box.height >= 44 - 0.5) return [];
      const name = element.textContent.trim().slice(0, 20) || element.getAttribute('aria-label') || '';
      return [
        `${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ];
    });
  });
}

/** axe-core's serious and critical findings, as "rule: target" lines that say what to fix. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/**
 * Every layout check of a page at once, keyed by what failed (an empty object when all pass): sideways overflow,
 * the map's share of the first screen, with `touch` the controls too small for a finger, with `axe` axe's serious
 * findings.
 */
export async function layoutProblems(
  page: Page,
  { touch, axe }: { touch: boolean; axe: boolean },
): Promise<Record<string, unknown>> {
  const problems: Record<string, unknown> = {};
  const overflow = await sidewaysOverflow(page);
  if (overflow.length > 0) problems.overflow = overflow;
  const share = await mapShareOfScreen(page);
  if (share < 0.5) problems.mapShareOfScreen = share;
  const small = touch ? await smallTouchTargets(page) : [];
  if (small.length > 0) problems.smallTouchTargets = small;
  const violations = axe ? await seriousViolations(page) : [];
  if (violations.length > 0) problems.axe = violations;
  return problems;
}

/**
 * Goes to another view of the app already loaded, the way back/forward do (the URL through history, then
 * `popstate`): the app follows the URL without loading the page again. Whatever an earlier step scrolled (the
 * phone's review sheet pulled up over the map) goes back to the top, so the view starts at its first screen as a
 * fresh load does.
 */
export async function showView(page: Page, path: string): Promise<void> {
  await page.evaluate((next) => {
    for (const element of document.querySelectorAll('*')) if (element.scrollTop > 0) element.scrollTop = 0;
    window.scrollTo(0, 0);
    window.history.pushState(null, '', next);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
