import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { BasemapConfig } from '../domain/runtime-config';

/**
 * The base map a deployment configured. The default ('none') is a plain background: everything else on the map
 * is drawn from the city's own data, so nothing leaves the page's origin. A raster XYZ template (Tianditu, an
 * intranet tile server) or a vector style URL replaces it by configuration only.
 *
 * No `glyphs` URL is set for our styles: MapLibre 6 then draws every label glyph (Chinese and digits alike) from
 * the browser's own fonts with TinySDF, so labels need no glyph server and no shipped PBF ranges.
 */
export const mapBackground: readonly [number, number, number] = [236, 240, 243];
export const backgroundCss = `rgb(${mapBackground.join(', ')})`;

const backgroundLayer = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': backgroundCss },
} as const;

export function baseStyle(basemap: BasemapConfig): StyleSpecification | string {
  if (basemap.kind === 'style' && basemap.url) return basemap.url;
  if (basemap.kind === 'raster' && basemap.url) {
    return {
      version: 8,
      sources: {
        basemap: {
          type: 'raster',
          tiles: [basemap.url],
          tileSize: basemap.tileSize,
          maxzoom: basemap.maxZoom,
          ...(basemap.attribution ? { attribution: basemap.attribution } : {}),
        },
      },
      layers: [backgroundLayer, { id: 'basemap', type: 'raster', source: 'basemap' }],
    };
  }
  return { version: 8, sources: {}, layers: [backgroundLayer] };
}

/**
 * Local font families for labels, first found wins. MapLibre turns the stack into a CSS font list and appends
 * sans-serif, so any CJK font the display machine has will do.
 */
export const labelFont = ['Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC'];
