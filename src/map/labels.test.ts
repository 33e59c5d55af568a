import type { SymbolLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { parse, wcagContrast, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { areaLayers } from './area-layers';
import { darkMapBackground, mapBackground, themeOverrides, type MapTheme } from './base-style';
import { gridFill, gridTypeColours } from './grid-fill';

/**
 * The city's labels (districts, streets, communities, grids) never collide, and read on both themes: the light
 * dashboard and the wall's dark one. Each label layer keeps MapLibre's collision detection on in both themes, and
 * its text stands out from its halo by WCAG's 4.5:1 wherever the label sits: over the bare map or over any grid
 * type's fill, the halo composited over it as the map paints it.
 */
const labels = (theme: MapTheme) =>
  areaLayers(gridFill('type', []), null)
    .filter((layer): layer is SymbolLayerSpecification => layer.type === 'symbol')
    .map((layer) => {
      const paint = { ...layer.paint } as Record<string, unknown>;
      const layout = { ...layer.layout } as Record<string, unknown>;
      for (const override of themeOverrides[theme].filter((item) => item.layer === layer.id)) {
        (override.kind === 'paint' ? paint : layout)[override.property] = override.value;
      }
      return { id: layer.id, paint, layout };
    });

const rgb = (css: string): { colour: Color; alpha: number } => {
  const colour = parse(css);
  if (colour?.mode !== 'rgb') throw new Error(`not an rgb colour: ${css}`);
  return { colour, alpha: colour.alpha ?? 1 };
};
const over = (top: string, alpha: number, under: Color): Color => {
  const { colour } = rgb(top);
  const c = colour as { r: number; g: number; b: number };
  const u = under as { r: number; g: number; b: number };
  return {
    mode: 'rgb',
    r: alpha * c.r + (1 - alpha) * u.r,
    g: alpha * c.g + (1 - alpha) * u.g,
    b: alpha * c.b + (1 - alpha) * u.b,
  };
};
const fromBytes = (bytes: readonly number[]): Color => ({
  mode: 'rgb',
  r: bytes[0]! / 255,
  g: bytes[1]! / 255,
  b: bytes[2]! / 255,
});

const themes = [
  { theme: 'light' as const, background: fromBytes(mapBackground) },
  { theme: 'dark' as const, background: fromBytes(darkMapBackground) },
];

describe.each(themes)('labels on the $theme theme', ({ theme, background }) => {
  it('keep collision detection on: a label that would overlap another is left out', () => {
    const layers = labels(theme);
    expect(layers.map((layer) => layer.id)).toEqual([
      'region-labels-district',
      'region-labels-street',
      'region-labels-community',
      'grid-labels',
    ]);
    for (const layer of layers) {
      expect({ id: layer.id, allowOverlap: layer.layout['text-allow-overlap'] }).toEqual({
        id: layer.id,
        allowOverlap: false,
      });
      expect(layer.layout['text-ignore-placement']).toBe(false);
      expect(layer.layout['text-padding']).toBeGreaterThanOrEqual(2);
    }
  });

  it('stand out from their halo by 4.5:1 over the bare map and over every grid type', () => {
    // The grid fill at its resting opacity (0.55) over the background: what a label may sit on.
    const grounds = [background, ...Object.values(gridTypeColours).map((hex) => over(hex, 0.55, background))];
    for (const layer of labels(theme)) {
      const halo = rgb(layer.paint['text-halo-color'] as string);
      const text = layer.paint['text-color'] as string;
      for (const ground of grounds) {
        const haloOnGround = over(layer.paint['text-halo-color'] as string, halo.alpha, ground);
        expect({ id: layer.id, contrast: wcagContrast(text, haloOnGround) >= 4.5 }).toEqual({
          id: layer.id,
          contrast: true,
        });
      }
    }
  });
});
