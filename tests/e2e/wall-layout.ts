import type { Page } from 'playwright-core';

/**
 * What "fits exactly" means, measured in the page: no scrollbars, the stage covering the screen, and every piece
 * of text on the wall (each text node, measured by a Range, so an ellipsis or an overflow shows) inside every
 * box that clips it and clear of every other piece of text. The map's canvas labels are MapLibre's own business.
 */
export interface LayoutReport {
  scrollbars: { horizontal: boolean; vertical: boolean };
  stage: { left: number; top: number; width: number; height: number; scale: number };
  texts: number;
  clipped: string[];
  overlapping: string[];
  smallestFontPx: number;
}

export function measureWallLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const stageElement = document.querySelector<HTMLElement>('.wall-stage');
    if (!stageElement) throw new Error('no .wall-stage on the page');
    const stageRect = stageElement.getBoundingClientRect();
    const walker = document.createTreeWalker(stageElement, NodeFilter.SHOW_TEXT);
    const boxes: { text: string; rect: DOMRect; glyphs: DOMRect; node: Text }[] = [];
    let smallestFontPx = Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('.grid-map')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (Number.isFinite(size)) smallestFontPx = Math.min(smallestFontPx, size);
      // A Range spans the font's whole content area (≈1.45 em for Noto CJK), taller than the glyphs; for the
      // overlap test a single line is taken as its em box, which is where CJK glyphs and digits are drawn.
      const glyphs =
        rect.height < 2 * size
          ? new DOMRect(rect.left, rect.top + (rect.height - size) / 2, rect.width, size)
          : rect;
      boxes.push({ text, rect, glyphs, node: node as Text });
    }
    const tolerance = 1;
    const inside = (inner: DOMRect, outer: DOMRect) =>
      inner.left >= outer.left - tolerance &&
      inner.top >= outer.top - tolerance &&
      inner.right <= outer.right + tolerance &&
      inner.bottom <= outer.bottom + tolerance;
    const clipped: string[] = [];
    for (const box of boxes) {
      if (!inside(box.rect, stageRect)) {
        clipped.push(`${box.text} (outside the stage)`);
        continue;
      }
      for (
        let element = box.node.parentElement;
        element && element !== stageElement;
        element = element.parentElement
      ) {
        const style = getComputedStyle(element);
        const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
        if (clips && !inside(box.rect, element.getBoundingClientRect())) {
          clipped.push(`${box.text} (clipped by ${element.tagName} .${element.getAttribute('class') ?? ''})`);
          break;
        }
      }
    }
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.glyphs;
        const b = boxes[j]!.glyphs;
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (width > tolerance && height > tolerance)
          overlapping.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
      }
    }
    return {
      scrollbars: {
        horizontal:
          root.scrollWidth > root.clientWidth || document.body.scrollWidth > document.body.clientWidth,
        vertical:
          root.scrollHeight > root.clientHeight || document.body.scrollHeight > document.body.clientHeight,
      },
      stage: {
        left: stageRect.left,
        top: stageRect.top,
        width: stageRect.width,
        height: stageRect.height,
        scale: Number(stageElement.dataset['scale']),
      },
      texts: boxes.length,
      clipped,
      overlapping,
      smallestFontPx,
    };
  });
}
