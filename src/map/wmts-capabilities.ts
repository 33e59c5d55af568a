import type { BasemapConfig } from '../domain/runtime-config';

/**
 * An intranet WMTS (GeoServer/GeoWebCache, SuperMap iServer, ArcGIS Server, MapServer/MapCache) read from its
 * GetCapabilities: the layer's tile matrix set in Web Mercator (EPSG:3857 or the GoogleMapsCompatible scale set,
 * the only grid MapLibre draws) and a tile URL template, from the layer's RESTful ResourceURL when it has one,
 * otherwise from the GetTile KVP endpoint. Parsed by the browser's DOMParser, namespaces matched by local name
 * because servers prefix them differently.
 */
export interface WmtsTiles {
  template: string;
  minZoom: number;
  maxZoom: number;
  tileSize: number;
}

export type WmtsReading = { ok: true; tiles: WmtsTiles } | { ok: false; reason: string };

/** Scale denominator of GoogleMapsCompatible zoom 0 (OGC WMTS 1.0, annex E.4). */
const zoomZeroScale = 559082264.0287178;
const webMercatorCrs = /(EPSG:{1,2}(\d+\.?\d*:)?(3857|900913|102100|102113)|EPSG\/0\/3857)$/i;

const childrenNamed = (parent: Element, name: string): Element[] =>
  Array.from(parent.children).filter((child) => child.localName === name);
const childText = (parent: Element, name: string): string | undefined =>
  childrenNamed(parent, name)[0]?.textContent.trim() || undefined;

function isWebMercator(set: Element): boolean {
  const crs = childText(set, 'SupportedCRS') ?? '';
  const scaleSet = childText(set, 'WellKnownScaleSet') ?? '';
  return webMercatorCrs.test(crs) || /GoogleMapsCompatible/i.test(scaleSet);
}

/** Each matrix's zoom from its scale; the identifiers must be the zoom, or share a prefix before it. */
function matricesOf(
  set: Element,
): { pattern: string; minZoom: number; maxZoom: number; tileSize: number } | string {
  const matrices = childrenNamed(set, 'TileMatrix').map((matrix) => ({
    id: childText(matrix, 'Identifier') ?? '',
    zoom: Math.round(Math.log2(zoomZeroScale / Number(childText(matrix, 'ScaleDenominator')))),
    tileSize: Number(childText(matrix, 'TileWidth') ?? 256),
  }));
  const [first] = matrices;
  if (!first || matrices.some((matrix) => !Number.isFinite(matrix.zoom)))
    return 'its Web Mercator tile matrix set lists no usable tile matrices';
  const prefix = first.id.slice(0, first.id.length - String(first.zoom).length);
  if (!matrices.every((matrix) => matrix.id === `${prefix}${matrix.zoom}`))
    return `tile matrix identifiers (${first.id}, …) are not zoom levels`;
  const zooms = matrices.map((matrix) => matrix.zoom);
  return {
    pattern: `${prefix}{z}`,
    minZoom: Math.min(...zooms),
    maxZoom: Math.max(...zooms),
    tileSize: first.tileSize,
  };
}

function getTileEndpoint(doc: Document): string | undefined {
  const operation = Array.from(doc.getElementsByTagNameNS('*', 'Operation')).find(
    (element) => element.getAttribute('name') === 'GetTile',
  );
  const gets = operation ? Array.from(operation.getElementsByTagNameNS('*', 'Get')) : [];
  const kvp = gets.find((get) => !get.textContent.trim() || /KVP/i.test(get.textContent)) ?? gets[0];
  return (
    kvp?.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ??
    kvp?.getAttribute('xlink:href') ??
    undefined
  );
}

export function readWmtsCapabilities(xml: string, capabilitiesUrl: string, layerId?: string): WmtsReading {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0 || doc.documentElement.localName !== 'Capabilities')
    return { ok: false, reason: 'the answer is not a WMTS Capabilities document' };
  const contents = childrenNamed(doc.documentElement, 'Contents')[0];
  const layers = contents ? childrenNamed(contents, 'Layer') : [];
  const layer = layerId
    ? layers.find((candidate) => childText(candidate, 'Identifier') === layerId)
    : layers[0];
  if (!layer) return { ok: false, reason: layerId ? `it has no layer "${layerId}"` : 'it lists no layers' };
  const name = childText(layer, 'Identifier') ?? '';
  const linked = new Set(
    childrenNamed(layer, 'TileMatrixSetLink').map((link) => childText(link, 'TileMatrixSet')),
  );
  const set = (contents ? childrenNamed(contents, 'TileMatrixSet') : []).find(
    (candidate) => linked.has(childText(candidate, 'Identifier')) && isWebMercator(candidate),
  );
  if (!set)
    return {
      ok: false,
      reason: `layer "${name}" has no tile matrix set in EPSG:3857 (GoogleMapsCompatible)`,
    };
  const setId = childText(set, 'Identifier') ?? '';
  const matrices = matricesOf(set);
  if (typeof matrices === 'string') return { ok: false, reason: matrices };
  const styles = childrenNamed(layer, 'Style');
  const style = styles.find((candidate) => candidate.getAttribute('isDefault') === 'true') ?? styles[0];
  const styleId = (style && childText(style, 'Identifier')) ?? 'default';
  const formats = childrenNamed(layer, 'Format').map((format) => format.textContent.trim());
  const format = formats.find((candidate) => candidate === 'image/png') ?? formats[0] ?? 'image/png';
  const dimensions = new Map(
    childrenNamed(layer, 'Dimension').map((dimension) => [
      childText(dimension, 'Identifier') ?? '',
      childText(dimension, 'Default') ?? childText(dimension, 'Value') ?? '',
    ]),
  );
  const tileResources = childrenNamed(layer, 'ResourceURL').filter(
    (resource) => resource.getAttribute('resourceType') === 'tile',
  );
  const resource =
    tileResources.find((candidate) => candidate.getAttribute('format') === format) ?? tileResources[0];
  const resolve = (url: string) =>
    new URL(url, capabilitiesUrl).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  let template: string;
  const resourceTemplate = resource?.getAttribute('template');
  if (resourceTemplate) {
    template = resolve(resourceTemplate).replace(/\{(\w+)\}/g, (whole, key: string) => {
      const lower = key.toLowerCase();
      if (lower === 'tilematrixset') return setId;
      if (lower === 'tilematrix') return matrices.pattern;
      if (lower === 'tilerow') return '{y}';
      if (lower === 'tilecol') return '{x}';
      if (lower === 'style') return styleId;
      return dimensions.get(key) ?? whole;
    });
  } else {
    const endpoint = getTileEndpoint(doc);
    if (!endpoint)
      return { ok: false, reason: 'it offers neither a tile ResourceURL nor a GetTile endpoint' };
    const url = resolve(endpoint);
    const fixed = { SERVICE: 'WMTS', REQUEST: 'GetTile', VERSION: '1.0.0', LAYER: name, STYLE: styleId };
    const query = Object.entries({ ...fixed, TILEMATRIXSET: setId, FORMAT: format })
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&');
    const separator = url.includes('?') ? (/[?&]$/.test(url) ? '' : '&') : '?';
    template = `${url}${separator}${query}&TILEMATRIX=${matrices.pattern.replace(/[^{}z]+/g, encodeURIComponent)}&TILEROW={y}&TILECOL={x}`;
  }
  const { minZoom, maxZoom, tileSize } = matrices;
  return { ok: true, tiles: { template, minZoom, maxZoom, tileSize } };
}

/**
 * The configured WMTS base map as the raster template MapLibre draws, read once at start-up. A service that
 * cannot be read leaves the plain background and says why, so the city's data is still shown.
 */
export async function readWmtsBasemap(
  basemap: BasemapConfig,
  fetchImpl: typeof fetch = fetch,
): Promise<{ basemap: BasemapConfig; problem?: string }> {
  if (basemap.kind !== 'wmts' || !basemap.url) return { basemap };
  const none = { ...basemap, kind: 'none' as const };
  try {
    const response = await fetchImpl(basemap.url, { headers: { Accept: 'application/xml, text/xml' } });
    if (!response.ok)
      return { basemap: none, problem: `WMTS base map: GetCapabilities answered HTTP ${response.status}` };
    const reading = readWmtsCapabilities(
      await response.text(),
      response.url || basemap.url,
      basemap.wmts?.layer,
    );
    if (!reading.ok) return { basemap: none, problem: `WMTS base map: ${reading.reason}` };
    const { template, minZoom, maxZoom, tileSize } = reading.tiles;
    return { basemap: { ...basemap, kind: 'raster', url: template, minZoom, maxZoom, tileSize } };
  } catch (error) {
    return { basemap: none, problem: `WMTS base map: GetCapabilities failed (${String(error)})` };
  }
}
