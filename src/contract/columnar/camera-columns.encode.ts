import { nullCategoryCode16 } from '../../geo/columnar/points-columnar';
import { encodePointsColumnar } from '../../geo/columnar/points-columnar.encode';
import type { z } from 'zod';
import type { camerasSchema } from '../schemas/contract.schema';

/** One camera as it goes on the wire (the contract's input shape, before parsing). */
type CameraFeature = z.input<typeof camerasSchema>['features'][number];

/**
 * The cameras in the columnar binary format (docs/api.md, "Columnar points"). Positions stay float64, exactly the
 * GeoJSON's coordinates; status, purpose and gridId are category columns, and so are the names while they fit a dictionary. The whole city's answer is encoded once
 * per feature list and kept; a bbox answer (a few hundred cameras) is encoded per request.
 */
const encodedCities = new WeakMap<readonly CameraFeature[], ArrayBuffer>();

export function camerasColumnar(features: readonly CameraFeature[], whole: boolean): ArrayBuffer {
  const cached = whole ? encodedCities.get(features) : undefined;
  if (cached) return cached;
  const names = features.map(({ properties }) => properties.name);
  const encoded = encodePointsColumnar({
    crs: 'wgs84',
    positionType: 'float64',
    positions: features.flatMap(({ geometry }) => geometry.coordinates),
    ids: features.map(({ properties }) => properties.id),
    columns: [
      { name: 'status', kind: 'category', values: features.map(({ properties }) => properties.status) },
      { name: 'purpose', kind: 'category', values: features.map(({ properties }) => properties.purpose) },
      { name: 'gridId', kind: 'category', values: features.map(({ properties }) => properties.gridId) },
      // Names as a dictionary (the format has no string kind): the tooltip's title. Only while they fit 16-bit codes:
      // a dictionary of millions of unique names would cost more than it saves, and the answer stays version 1.
      ...(new Set(names).size < nullCategoryCode16
        ? [{ name: 'name', kind: 'category' as const, values: names }]
        : []),
    ],
  });
  if (whole) encodedCities.set(features, encoded);
  return encoded;
}
