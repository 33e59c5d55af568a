import { describe, expect, it } from 'vitest';
import { designFor, designUnit, fitStage, layoutOf } from './design-scale';

describe('fitStage', () => {
  it('fills a screen of the design’s own shape exactly', () => {
    expect(fitStage({ width: 3840, height: 2160 }, { width: 1920, height: 1080 })).toEqual({
      scale: 0.5,
      left: 0,
      top: 0,
    });
  });

  it('letterboxes a screen wider than the design, centred, never cropping', () => {
    const fit = fitStage({ width: 1920, height: 1080 }, { width: 2560, height: 1080 });
    expect(fit.scale).toBe(1);
    expect(fit.left).toBe(320);
    expect(fit.top).toBe(0);
    expect(1920 * fit.scale + 2 * fit.left).toBe(2560);
  });

  it('fits by width when the screen is taller than the design', () => {
    const fit = fitStage({ width: 7680, height: 2160 }, { width: 3840, height: 2160 });
    expect(fit.scale).toBe(0.5);
    expect(fit.top).toBe((2160 - 1080) / 2);
    expect(2160 * fit.scale).toBeLessThanOrEqual(2160);
  });

  it('survives a zero-sized window (minimised) without dividing by zero', () => {
    expect(fitStage({ width: 3840, height: 2160 }, { width: 0, height: 0 }).scale).toBe(1);
  });
});

describe('design units and layout', () => {
  it('scales type with the design height', () => {
    expect(designUnit({ width: 1920, height: 1080 })).toBe(1);
    expect(designUnit({ width: 3840, height: 2160 })).toBe(2);
    expect(designUnit({ width: 7680, height: 2160 })).toBe(2);
  });

  it('gives ultra-wide walls the wide layout', () => {
    expect(layoutOf({ width: 3840, height: 2160 })).toBe('standard');
    expect(layoutOf({ width: 7680, height: 2160 })).toBe('wide');
  });
});

describe('designFor', () => {
  const configured = { width: 3840, height: 2160 };

  it('keeps the configured design on a wall, whatever its shape', () => {
    expect(designFor(configured, { width: 1920, height: 1080 })).toBe(configured);
    expect(designFor(configured, { width: 2560, height: 1080 })).toBe(configured);
  });

  it('gives a tablet and a phone a design of their own shape, 1080 lines high', () => {
    expect(designFor(configured, { width: 1024, height: 768 })).toEqual({ width: 1440, height: 1080 });
    expect(designFor(configured, { width: 412, height: 839 })).toEqual({ width: 530, height: 1080 });
    expect(layoutOf(designFor(configured, { width: 1024, height: 768 }))).toBe('compact');
    expect(layoutOf(designFor(configured, { width: 412, height: 839 }))).toBe('portrait');
  });
});
