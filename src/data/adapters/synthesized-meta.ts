import type { Meta } from '../../contract/schemas/contract.schema';
import type { Bbox } from '../provider';

/**
 * The `meta` of a service that has none of its own (OGC API, WFS, ArcGIS): its name (the configured one first),
 * the city (configured, else the name), the extent it declares or that its regions span, always WGS84 (each of
 * these adapters asks for or converts to WGS84), and now as the data time.
 */
export function synthesizedMeta(name: string, city: string | undefined, bbox: Readonly<Bbox>): Meta {
  return {
    name,
    city: city ?? name,
    bbox: [bbox[0], bbox[1], bbox[2], bbox[3]],
    crs: 'wgs84',
    dataTime: new Date().toISOString(),
  };
}
