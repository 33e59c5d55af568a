import { DataError } from '../../data-error';
import { fetchJson } from '../../http';
import type { AdapterCall } from '../adapter';
import type { FeatureLayer } from '../layer-specs';
import { ogcItemsSchema, type OgcItems, type OgcLink } from './ogc.schema';

const geoJsonTypes = /json/i;

const originOf = (text: string): string => {
  try {
    return new URL(text.trim()).origin;
  } catch {
    return text.trim();
  }
};

/** The `next` link of a page; a server may list one per format, so prefer a JSON one. */
export function nextLinkOf(links: readonly OgcLink[] | undefined): OgcLink | undefined {
  const next = (links ?? []).filter((link) => link.rel === 'next');
  return next.find((link) => link.type === undefined || geoJsonTypes.test(link.type)) ?? next[0];
}

/**
 * Read every page of an items request. `next` links are followed exactly as the server wrote them (resolved
 * against the page they came from, trimmed of stray whitespace, never rebuilt), because only the server knows its
 * paging tokens; progress is reported from `numberMatched` when the server announces it.
 */
export async function readAllItems(
  call: AdapterCall,
  layer: FeatureLayer,
  firstUrl: string,
  maxFeatures: number,
  paging: { allowedOrigins?: readonly string[] } = {},
): Promise<OgcItems['features']> {
  const source = new URL(firstUrl).origin;
  const allowed = new Set([source, ...(paging.allowedOrigins ?? []).map(originOf)]);
  const features: OgcItems['features'] = [];
  const featureIds = new Set<string>();
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  while (url !== undefined) {
    if (seen.has(url))
      throw new DataError(layer, 'format', 'the server\'s "next" links go round in a circle');
    seen.add(url);
    const page: OgcItems = await fetchJson(
      { layer, url, headers: call.source.headers, ...(call.signal && { signal: call.signal }) },
      ogcItemsSchema,
    );
    // A `next` link that dropped the bbox pages through the unfiltered set, which repeats what page one had.
    for (const feature of page.features) {
      const id = feature.id === undefined ? undefined : String(feature.id);
      if (id !== undefined && featureIds.has(id)) continue;
      if (id !== undefined) featureIds.add(id);
      features.push(feature);
    }
    call.onProgress?.({
      layer,
      loaded: features.length,
      ...(page.numberMatched !== undefined && { total: page.numberMatched }),
    });
    if (features.length >= maxFeatures)
      throw new DataError(layer, 'format', `more than ${maxFeatures} features; narrow the query`);
    const next: OgcLink | undefined = page.features.length === 0 ? undefined : nextLinkOf(page.links);
    url = next ? new URL(next.href.trim(), url).href : undefined;
    // A proxy's server may name its internal host in `next`: never requested unless the configuration allows it.
    if (url !== undefined && !allowed.has(new URL(url).origin))
      throw new DataError(
        layer,
        'config',
        `the server's "next" link leads to ${new URL(url).host}, not to the source ${new URL(source).host}`,
        undefined,
        undefined,
        { code: 'foreign-next', nextHost: new URL(url).host, sourceHost: new URL(source).host },
      );
  }
  return features;
}
