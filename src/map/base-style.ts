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

/** 'dark' is the wall's theme: a light map glares on an LED wall in a dimmed command centre. */
export type MapTheme = 'light' | 'dark';
export const darkMapBackground: readonly [number, number, number] = [9, 17, 31];
export const backgroundCssOf = (theme: MapTheme): string =>
  theme === 'dark' ? `rgb(${darkMapBackground.join(', ')})` : backgroundCss;

const backgroundLayerOf = (theme: MapTheme) =>
  ({
    id: 'background',
    type: 'background',
    paint: { 'background-color': backgroundCssOf(theme) },
  }) as const;

const tiandituSubdomains = ['0', '1', '2', '3', '4', '5', '6', '7'];

/**
 * Tianditu's WMTS GetTile URL in its Web Mercator matrix set ('w'). The key (tk) must be in the URL: Tianditu
 * issues it as a browser key bound to the deployment's domain, so it is public by design, not a secret.
 */
export function tiandituTileUrl(layer: string, key: string, subdomain: string): string {
  const query = `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w`;
  return `https://t${subdomain}.tianditu.gov.cn/${layer}_w/wmts?${query}&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;
}

/** Tianditu's base layer and the annotation layer drawn over it (Chinese place names). */
const tiandituLayers = { vector: ['vec', 'cva'], imagery: ['img', 'cia'] } as const;

const tilesOf = (template: string, subdomains: readonly string[] | undefined): string[] =>
  template.includes('{s}') && subdomains
    ? subdomains.map((value) => template.replace('{s}', value))
    : [template];

export function baseStyle(basemap: BasemapConfig, theme: MapTheme = 'light'): StyleSpecification | string {
  const backgroundLayer = backgroundLayerOf(theme);
  if (basemap.kind === 'style' && basemap.url) return basemap.url;
  const attribution = basemap.attribution ? { attribution: basemap.attribution } : {};
  const zooms = { tileSize: basemap.tileSize, minzoom: basemap.minZoom, maxzoom: basemap.maxZoom };
  if (basemap.kind === 'tianditu' && basemap.tianditu) {
    const { key, layer } = basemap.tianditu;
    const [base, annotation] = tiandituLayers[layer];
    const source = (name: string) => ({
      type: 'raster' as const,
      tiles: tiandituSubdomains.map((subdomain) => tiandituTileUrl(name, key, subdomain)),
      ...zooms,
      ...attribution,
    });
    return {
      version: 8,
      sources: { basemap: source(base), 'basemap-annotation': source(annotation) },
      layers: [
        backgroundLayer,
        { id: 'basemap', type: 'raster', source: 'basemap' },
        { id: 'basemap-annotation', type: 'raster', source: 'basemap-annotation' },
      ],
    };
  }
  // A 'wmts' base map reaches here already resolved to its tile template (readWmtsBasemap); unresolved, it is
  // drawn as the plain background rather than as a broken tile URL.
  if (basemap.kind === 'raster' && basemap.url) {
    return {
      version: 8,
      sources: {
        basemap: {
          type: 'raster',
          tiles: tilesOf(basemap.url, basemap.subdomains),
          scheme: basemap.scheme,
          ...zooms,
          ...attribution,
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

/**
 * What the dark theme changes on the city's own layers (added by the map controller on load): light outlines and
 * labels on dark, larger label type to be read from metres away. Applied over the light layers, so the light
 * theme, which every other screen uses, stays exactly as it is.
 */
export type ThemeOverride =
  | { layer: string; kind: 'paint'; property: 'line-color' | 'text-color' | 'text-halo-color'; value: string }
  | { layer: string; kind: 'layout'; property: 'text-size'; value: number };

const darkLabel = (layer: string, size: number): ThemeOverride[] => [
  { layer, kind: 'paint', property: 'text-color', value: '#e6f0ff' },
  { layer, kind: 'paint', property: 'text-halo-color', value: 'rgba(5, 11, 24, 0.9)' },
  { layer, kind: 'layout', property: 'text-size', value: size },
];

export const themeOverrides: Record<MapTheme, readonly ThemeOverride[]> = {
  light: [],
  dark: [
    { layer: 'grid-outline', kind: 'paint', property: 'line-color', value: '#4a6283' },
    { layer: 'region-outline-community', kind: 'paint', property: 'line-color', value: '#6f8db5' },
    { layer: 'region-outline-street', kind: 'paint', property: 'line-color', value: '#8fb0dc' },
    { layer: 'region-outline-district', kind: 'paint', property: 'line-color', value: '#b8d4ff' },
    { layer: 'region-outline-city', kind: 'paint', property: 'line-color', value: '#e3eeff' },
    ...darkLabel('region-labels-district', 26),
    ...darkLabel('region-labels-street', 22),
    ...darkLabel('region-labels-community', 20),
    ...darkLabel('grid-labels', 18),
  ],
};
