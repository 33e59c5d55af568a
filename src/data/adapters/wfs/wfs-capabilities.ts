import type { LayerKind } from '../../../domain/runtime-config';
import { DataError } from '../../data-error';
import { readAdapterOptions } from '../adapter-options';
import type { Bbox, ResolvedSource } from '../../provider';
import type { AdapterCall } from '../adapter';
import { absoluteUrl } from '../http-body';
import type { FeatureLayer } from '../layer-specs';
import { wfsOptionsSchema, type WfsOptions, type WfsVersion } from './wfs.schema';
import { childrenNamed, elementsNamed, fetchWfs, parseXml, textOf } from './wfs-xml';

/** What the adapter reads of GetCapabilities. */
export interface WfsCapabilities {
  version: WfsVersion;
  title?: string;
  featureTypes: WfsFeatureType[];
  /** GetFeature output formats the server lists (operation-wide). */
  outputFormats: string[];
  /** WFS 2.0 `ImplementsResultPaging`; 1.1 has no paging. */
  paging: boolean;
  /** WFS 2.0 `CountDefault`: the most features the server returns in one answer, whatever `count` asks. */
  countDefault?: number;
}

export interface WfsFeatureType {
  name: string;
  title?: string;
  /** WGS84 [west, south, east, north], when listed. */
  bbox?: Bbox;
  outputFormats: string[];
}

export function readWfsOptions(layer: LayerKind, options: Record<string, unknown> | undefined): WfsOptions {
  return readAdapterOptions(wfsOptionsSchema, layer, options);
}

/** A KVP request on the configured endpoint: its own query (a MapServer `map=`) is kept, ours is added. */
export function wfsUrl(source: ResolvedSource, params: Record<string, string>): string {
  const url = absoluteUrl(source.url);
  url.searchParams.set('SERVICE', 'WFS');
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

function bboxOf(featureType: Element): Bbox | undefined {
  const box = childrenNamed(featureType, 'WGS84BoundingBox')[0];
  if (!box) return undefined;
  const lower = textOf(box, 'LowerCorner')?.split(/\s+/).map(Number);
  const upper = textOf(box, 'UpperCorner')?.split(/\s+/).map(Number);
  const [west, south] = lower ?? [];
  const [east, north] = upper ?? [];
  if ([west, south, east, north].some((value) => value === undefined || !Number.isFinite(value)))
    return undefined;
  return [west ?? 0, south ?? 0, east ?? 0, north ?? 0];
}

function allowedValues(document: Document, operation: string, parameter: string): string[] {
  const op = elementsNamed(document, 'Operation').find((node) => node.getAttribute('name') === operation);
  const param = op && elementsNamed(op, 'Parameter').find((node) => node.getAttribute('name') === parameter);
  return param ? elementsNamed(param, 'Value').map((value) => value.textContent.trim()) : [];
}

export function readCapabilities(document: Document): WfsCapabilities {
  const root = document.documentElement;
  const version = root.getAttribute('version') === '1.1.0' ? '1.1.0' : '2.0.0';
  const serviceTitle = elementsNamed(document, 'ServiceIdentification')[0];
  const featureTypes = elementsNamed(document, 'FeatureType').map((node): WfsFeatureType => {
    const title = childrenNamed(node, 'Title')[0]?.textContent.trim();
    const bbox = bboxOf(node);
    return {
      name: childrenNamed(node, 'Name')[0]?.textContent.trim() ?? '',
      ...(title && { title }),
      ...(bbox && { bbox }),
      outputFormats: elementsNamed(node, 'Format').map((format) => format.textContent.trim()),
    };
  });
  const paging = elementsNamed(document, 'Constraint').find(
    (node) => node.getAttribute('name') === 'ImplementsResultPaging',
  );
  const title = serviceTitle && textOf(serviceTitle, 'Title');
  const countConstraint = elementsNamed(document, 'Constraint').find(
    (node) => node.getAttribute('name') === 'CountDefault',
  );
  const countDefault = Number(countConstraint && textOf(countConstraint, 'DefaultValue'));
  return {
    ...(Number.isInteger(countDefault) && countDefault > 0 && { countDefault }),
    version,
    ...(title && { title }),
    featureTypes: featureTypes.filter((type) => type.name !== ''),
    outputFormats: allowedValues(document, 'GetFeature', 'outputFormat'),
    // Servers that leave the constraint out (1.1 style) get one request sized by `count`.
    paging: version === '2.0.0' && (paging ? !/false/i.test(textOf(paging, 'DefaultValue') ?? 'TRUE') : true),
  };
}

/** One GetCapabilities per server and version, shared by every layer it serves; a failed one is forgotten. */
const discovered = new Map<string, Promise<WfsCapabilities>>();

export function capabilitiesOf(
  call: AdapterCall,
  layer: LayerKind,
  options: WfsOptions,
): Promise<WfsCapabilities> {
  const url = wfsUrl(call.source, {
    REQUEST: 'GetCapabilities',
    ...(options.version ? { VERSION: options.version } : { ACCEPTVERSIONS: '2.0.0,1.1.0' }),
  });
  const known = discovered.get(url);
  if (known) return known;
  // Not tied to one caller's signal: the answer is shared, and one view closing must not fail another's load.
  const pending = fetchWfs({ layer, url, headers: call.source.headers }, 'application/xml, text/xml').then(
    (answer) => readCapabilities(parseXml(layer, url, answer.text)),
  );
  discovered.set(url, pending);
  pending.catch(() => discovered.delete(url));
  return pending;
}

/** The layer's feature type as the server lists it (`grids` matches `ms:grids`); a missing one names the choices. */
export function featureTypeOf(
  capabilities: WfsCapabilities,
  layer: FeatureLayer,
  options: WfsOptions,
): WfsFeatureType {
  const wanted = options.typeName ?? layer;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const found =
    capabilities.featureTypes.find((type) => type.name === wanted) ??
    capabilities.featureTypes.find((type) => local(type.name) === local(wanted));
  if (found) return found;
  const names = capabilities.featureTypes.map((type) => type.name).join(', ') || 'none';
  throw new DataError(layer, 'config', `feature type "${wanted}" is not on the server (it has: ${names})`);
}

/** The JSON output format to ask for, when the server lists one and the options allow it. */
export function geoJsonFormatOf(
  layer: FeatureLayer,
  capabilities: WfsCapabilities,
  featureType: WfsFeatureType,
  options: WfsOptions,
): string | undefined {
  if (options.format === 'gml') return undefined;
  const formats = [...featureType.outputFormats, ...capabilities.outputFormats];
  const json =
    formats.find((format) => /geojson/i.test(format)) ?? formats.find((format) => /json/i.test(format));
  if (json === undefined && options.format === 'geojson')
    throw new DataError(
      layer,
      'config',
      `the WFS server lists no JSON output format (it has: ${formats.join(', ') || 'none'})`,
    );
  return json;
}

/** DescribeFeatureType: the type's property names, once per type. */
const described = new Map<string, Promise<string[]>>();

export function propertiesOf(
  call: AdapterCall,
  layer: FeatureLayer,
  version: WfsVersion,
  typeName: string,
): Promise<string[]> {
  const url = wfsUrl(call.source, {
    REQUEST: 'DescribeFeatureType',
    VERSION: version,
    [version === '2.0.0' ? 'TYPENAMES' : 'TYPENAME']: typeName,
  });
  const known = described.get(url);
  if (known) return known;
  const pending = fetchWfs({ layer, url, headers: call.source.headers }, 'application/xml, text/xml').then(
    (answer) => {
      const schema = parseXml(layer, url, answer.text);
      const typeElement = elementsNamed(schema, 'complexType')[0];
      return typeElement
        ? elementsNamed(typeElement, 'element').map((element) => element.getAttribute('name') ?? '')
        : [];
    },
  );
  described.set(url, pending);
  pending.catch(() => described.delete(url));
  return pending;
}
