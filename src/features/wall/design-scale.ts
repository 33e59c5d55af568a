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

export type WallLayout = 'standard' | 'wide' | 'compact' | 'portrait';

/**
 * Ultra-wide walls (32:9 and wider) get extra columns instead of a stretched map; a squarer screen (a tablet,
 * 4:3) keeps the map and one side column, and an upright one (a phone) the map over the figures.
 */
export function layoutOf(design: Size): WallLayout {
  const aspect = design.width / design.height;
  if (aspect >= 2.5) return 'wide';
  if (aspect < 1) return 'portrait';
  if (aspect < 1.5) return 'compact';
  return 'standard';
}

/** Below this width the screen is a handheld, not a wall: see designFor. */
export const handheldMaxWidth = 1280;

/**
 * The design the wall lays out for a screen. A wall gets the configured design (its screens are what the design
 * was made for). A phone or a tablet opening the wall gets a design of its own shape, 1080 lines high, so that it
 * is filled rather than letterboxed into a strip with a map too small to read.
 */
export function designFor(configured: Size, screen: Size): Size {
  if (screen.width <= 0 || screen.height <= 0 || screen.width >= handheldMaxWidth) return configured;
  return { width: Math.round((1080 * screen.width) / screen.height), height: 1080 };
}
