import { describe, expect, it } from 'vitest';
import { runtimeConfigSchema } from '../domain/runtime-config';
import { baseStyle } from './base-style';

const basemapOf = (basemap: unknown) =>
  runtimeConfigSchema.parse({ api: { baseUrl: '/api' }, basemap }).basemap;

describe('baseStyle', () => {
  it('is a background only, with no glyph server, sprite or remote source by default', () => {
    const style = baseStyle(basemapOf({ kind: 'none' }));
    if (typeof style === 'string') throw new Error('expected an inline style');
    expect(style.sources).toEqual({});
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('puts a configured raster template under the data', () => {
    const style = baseStyle(
      basemapOf({ kind: 'raster', url: 'https://tiles.intranet/{z}/{x}/{y}.png', tileSize: 512 }),
    );
    if (typeof style === 'string') throw new Error('expected an inline style');
    expect(style.sources['basemap']).toMatchObject({
      tiles: ['https://tiles.intranet/{z}/{x}/{y}.png'],
      tileSize: 512,
    });
    expect(style.layers.map((layer) => layer.id)).toEqual(['background', 'basemap']);
  });

  it('hands a vector style URL to MapLibre as is', () => {
    expect(baseStyle(basemapOf({ kind: 'style', url: '/styles/city.json' }))).toBe('/styles/city.json');
  });
});
