import GeoJSON from 'ol/format/GeoJSON';
import WFS from 'ol/format/WFS';
import { addEquivalentProjections, addProjection, get as getProjection } from 'ol/proj';
import Projection from 'ol/proj/Projection';
import { DataError } from '../../data-error';
import type { Bbox } from '../../provider';
import type { AdapterCall } from '../adapter';
import type { SourceFeature } from '../feature-mapping';
import { checkBody, parseJsonText } from '../../json-body';
import type { FeatureLayer } from '../layer-specs';
import type { WfsCapabilities, WfsFeatureType } from './wfs-capabilities';
import { wfsUrl } from './wfs-capabilities';
import { wfsGeoJsonSchema, type WfsCrs, type WfsOptions } from './wfs.schema';
import { fetchWfs, parseXml } from './wfs-xml';

/**
 * CGCS2000 (EPSG:4490), China's national datum and Tianditu's, is within centimetres of WGS84: OpenLayers is told
 * it is the same as EPSG:4326, latitude first in its URN form like 4326 itself, so GML in 4490 is read the same.
 */
if (!getProjection('EPSG:4490')) {
  const cgcs2000 = new Projection({ code: 'EPSG:4490', units: 'degrees', axisOrientation: 'neu' });
  addProjection(cgcs2000);
  const wgs84 = getProjection('EPSG:4326');
  if (wgs84) addEquivalentProjections([wgs84, cgcs2000]);
}

/** Asked for in the URN form, whose axis order is the EPSG one (latitude first for 4326/4490) on every server. */
const urnOf = (crs: WfsCrs) => `urn:ogc:def:crs:EPSG::${crs.slice('EPSG:'.length)}`;

export interface GetFeaturePlan {
  capabilities: WfsCapabilities;
  featureType: WfsFeatureType;
  /** The JSON output format to ask for; GML when undefined. */
  geoJsonFormat: string | undefined;
  options: WfsOptions;
  bbox?: Bbox;
}

/**
 * GeoJSON or GML 3 as GeoJSON features in WGS84 (lon, lat). Both go through OpenLayers: its GML reader knows the
 * axis order of each srsName (EPSG:4326 in URN form is latitude first), and both readers reproject EPSG:3857.
 */
function readFeatures(
  layer: FeatureLayer,
  url: string,
  text: string,
  plan: GetFeaturePlan,
): { features: SourceFeature[]; matched?: number } {
  const projections = { dataProjection: plan.options.crs, featureProjection: 'EPSG:4326' };
  const geoJson = new GeoJSON();
  if (plan.geoJsonFormat !== undefined) {
    const body = checkBody(layer, wfsGeoJsonSchema, parseJsonText({ layer, url }, text), {
      what: 'WFS GeoJSON',
    });
    // GeoJSON is longitude first whatever the CRS (RFC 7946; GeoServer and MapServer write it so).
    const features = geoJson.readFeatures(body, { ...projections, dataProjection: plan.options.crs });
    const matched = Number(body.numberMatched ?? body.totalFeatures);
    return {
      features: geoJson.writeFeaturesObject(features).features.map(toSourceFeature),
      ...(Number.isFinite(matched) && { matched }),
    };
  }
  const document = parseXml(layer, url, text);
  const format = new WFS({ version: plan.capabilities.version });
  const features = format.readFeatures(document, projections);
  const matched = Number(document.documentElement.getAttribute('numberMatched'));
  return {
    features: geoJson.writeFeaturesObject(features).features.map(toSourceFeature),
    ...(Number.isFinite(matched) && { matched }),
  };
}

function toSourceFeature(feature: {
  id?: string | number | undefined;
  geometry: unknown;
  properties: Record<string, unknown> | null;
}): SourceFeature {
  return { id: feature.id, geometry: feature.geometry, properties: feature.properties };
}

function getFeatureUrl(call: AdapterCall, plan: GetFeaturePlan, startIndex: number, count: number): string {
  const { version } = plan.capabilities;
  const params: Record<string, string> = {
    REQUEST: 'GetFeature',
    VERSION: version,
    [version === '2.0.0' ? 'TYPENAMES' : 'TYPENAME']: plan.featureType.name,
    SRSNAME: urnOf(plan.options.crs),
  };
  if (plan.geoJsonFormat !== undefined) params.OUTPUTFORMAT = plan.geoJsonFormat;
  if (plan.bbox) {
    // In the URN's axis order: south, west, north, east.
    const [west, south, east, north] = plan.bbox;
    params.BBOX = `${south},${west},${north},${east},${urnOf('EPSG:4326')}`;
  }
  if (version === '2.0.0') {
    params.COUNT = String(count);
    if (plan.capabilities.paging) params.STARTINDEX = String(startIndex);
  } else params.MAXFEATURES = String(count);
  return wfsUrl(call.source, params);
}

/**
 * Every feature of the type: WFS 2.0 pages through `startIndex`/`count` until a page comes back short; WFS 1.1
 * (and a 2.0 server without result paging) has one request capped by `maxFeatures`, and a full answer means more
 * were left behind, which is reported rather than silently cut.
 */
export async function readAllFeatures(
  call: AdapterCall,
  layer: FeatureLayer,
  plan: GetFeaturePlan,
): Promise<SourceFeature[]> {
  const { options } = plan;
  const pages = plan.capabilities.paging;
  // A page larger than the server's cap would come back short and end the reading early.
  const count = pages
    ? Math.min(options.pageSize, plan.capabilities.countDefault ?? Infinity)
    : options.maxFeatures;
  const features: SourceFeature[] = [];
  const accept = plan.geoJsonFormat !== undefined ? 'application/json' : 'application/gml+xml, text/xml';
  for (let startIndex = 0; ; startIndex += count) {
    const url = getFeatureUrl(call, plan, startIndex, count);
    const answer = await fetchWfs(
      { layer, url, headers: call.source.headers, ...(call.signal && { signal: call.signal }) },
      accept,
    );
    const page = readFeatures(layer, url, answer.text, plan);
    features.push(...page.features);
    call.onProgress?.({
      layer,
      loaded: features.length,
      ...(page.matched !== undefined && { total: page.matched }),
    });
    if (!pages && page.features.length >= count)
      throw new DataError(layer, 'format', `more than ${count} features; narrow the query`);
    if (features.length > options.maxFeatures)
      throw new DataError(layer, 'format', `more than ${options.maxFeatures} features; narrow the query`);
    const complete = page.matched !== undefined && features.length >= page.matched;
    if (!pages || page.features.length < count || complete) return features;
  }
}
