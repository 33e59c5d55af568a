import { kml } from '@tmcw/togeojson';
import type { SourceFeature } from '../feature-mapping';

export class KmlError extends Error {}

/**
 * KML as features, with @tmcw/togeojson. The XML parser is passed in where there is no `DOMParser` (Node tests use
 * jsdom's); in the browser the global one is used. Placemarks without geometry are dropped: they cannot be drawn.
 */
export function parseKml(text: string, parser: DOMParser = new DOMParser()): SourceFeature[] {
  const document = parser.parseFromString(text, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) throw new KmlError('not well-formed XML');
  if (document.getElementsByTagName('kml').length === 0) throw new KmlError('not a KML document');
  return kml(document)
    .features.filter((feature) => feature.geometry !== null)
    .map((feature) => ({ id: feature.id, geometry: feature.geometry, properties: feature.properties }));
}
