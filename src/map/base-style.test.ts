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

  it('draws Tianditu imagery with its annotation layer over it, the key in each tile URL', () => {
    const basemap = basemapOf({ kind: 'tianditu', tianditu: { layer: 'imagery', key: 'browser-key' } });
    expect(basemap.crs).toBe('wgs84');
    const style = baseStyle(basemap);
    if (typeof style === 'string') throw new Error('expected an inline style');
    expect(style.layers.map((layer) => layer.id)).toEqual(['background', 'basemap', 'basemap-annotation']);
    const tiles = (name: string) => (style.sources[name] as { tiles: string[] }).tiles;
    expect(tiles('basemap')).toHaveLength(8);
    expect(tiles('basemap')[3]).toBe(
      'https://t3.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default' +
        '&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=browser-key',
    );
    expect(tiles('basemap-annotation')[0]).toContain('https://t0.tianditu.gov.cn/cia_w/wmts?');
    expect(tiles('basemap-annotation')[0]).toContain('LAYER=cia&');
  });

  it('draws Tianditu vector tiles with Chinese annotations by default', () => {
    const style = baseStyle(basemapOf({ kind: 'tianditu', tianditu: { key: 'k' } }));
    if (typeof style === 'string') throw new Error('expected an inline style');
    expect(JSON.stringify(style.sources)).toMatch(/vec_w\/wmts.*cva_w\/wmts/);
  });

  it('refuses Tianditu without a key, or declared in GCJ-02', () => {
    const parse = (basemap: unknown) => runtimeConfigSchema.safeParse({ api: { baseUrl: '/api' }, basemap });
    expect(parse({ kind: 'tianditu' }).error?.issues[0]?.path).toEqual(['basemap', 'tianditu']);
    expect(parse({ kind: 'tianditu', tianditu: { key: 'k' }, crs: 'gcj02' }).error?.issues[0]?.path).toEqual([
      'basemap',
      'crs',
    ]);
    expect(parse({ kind: 'wmts' }).error?.issues[0]?.path).toEqual(['basemap', 'url']);
  });

  it('expands an AMap-style {s} template over its subdomains and keeps its GCJ-02 CRS and row scheme', () => {
    const basemap = basemapOf({
      kind: 'raster',
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}',
      subdomains: ['1', '2'],
      crs: 'gcj02',
      scheme: 'tms',
    });
    expect(basemap.crs).toBe('gcj02');
    const style = baseStyle(basemap);
    if (typeof style === 'string') throw new Error('expected an inline style');
    expect(style.sources['basemap']).toMatchObject({
      tiles: [
        'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}',
        'https://webrd02.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}',
      ],
      scheme: 'tms',
    });
  });

  it('draws an unresolved WMTS base map as the plain background, never as its capabilities URL', () => {
    const style = baseStyle(basemapOf({ kind: 'wmts', url: 'http://tiles.intranet/wmts' }));
    if (typeof style === 'string') throw new Error('expected an inline style');
    expect(style.sources).toEqual({});
  });
});
