/**
 * The wall is laid out once, in design pixels (3840×2160 by default), and scaled as a whole to the screen it
 * lands on. Scaling the finished layout, instead of reflowing it, is what guarantees that text never wraps
 * differently, clips or overlaps on the real wall: what the test saw at the design size is what the wall shows.
 */
export interface Size {
  width: number;
  height: number;
}

export interface StageFit {
  /** Factor from design pixels to screen pixels. */
  scale: number;
  /** Letterbox offsets in screen pixels, centring the stage when the screen's shape differs from the design's. */
  left: number;
  top: number;
}

export function fitStage(design: Size, screen: Size): StageFit {
  if (design.width <= 0 || design.height <= 0 || screen.width <= 0 || screen.height <= 0) {
    return { scale: 1, left: 0, top: 0 };
  }
  const scale = Math.min(screen.width / design.width, screen.height / design.height);
  return {
    scale,
    left: (screen.width - design.width * scale) / 2,
    top: (screen.height - design.height * scale) / 2,
  };
}

/**
 * One layout unit in design pixels: type and spacing are written in units of a 1080-line screen, so the same
 * stylesheet serves 1920×1080 (1 px), 3840×2160 (2 px) and 7680×2160 (2 px, with more columns).
 */
export const designUnit = (design: Size): number => design.height / 1080;

export type WallLayout = 'standard' | 'wide';

/** Ultra-wide walls (32:9 and wider) get extra columns instead of a stretched map. */
export const layoutOf = (design: Size): WallLayout =>
  design.width / design.height >= 2.5 ? 'wide' : 'standard';
