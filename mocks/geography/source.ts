import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { toWgs84 } from './wgs84';

/**
 * The real extracts the demo city stands on (see ../source/README.md for provenance and licence): six county
 * outlines (GCJ-02 in the file, converted to WGS84 here) and the national division tree below them.
 */
export interface CountySource {
  code: string;
  name: string;
  /** County seat / label point, WGS84. */
  seat: [number, number];
  outline: Polygon;
  streets: StreetSource[];
}

export interface StreetSource {
  code: string;
  name: string;
  kind: 'street' | 'town' | 'township';
  villages: { code: string; name: string }[];
}

interface DivisionsFile {
  counties: {
    code: string;
    name: string;
    streets: { code: string; name: string; kind: string; villages: [string, string][] }[];
  }[];
}

interface CountiesFile {
  features: { properties: { name: string; adcode: number; cp: [number, number] }; geometry: Polygon }[];
}

const sourceUrl = (name: string) => new URL(`../source/${name}`, import.meta.url);

export function readCitySource(): CountySource[] {
  const outlines = JSON.parse(
    readFileSync(sourceUrl('jincheng-counties.gcj02.geojson'), 'utf8'),
  ) as CountiesFile;
  const divisions = JSON.parse(readFileSync(sourceUrl('jincheng-divisions.json'), 'utf8')) as DivisionsFile;
  return divisions.counties.map((county) => {
    const feature = outlines.features.find(
      (candidate) => String(candidate.properties.adcode) === county.code,
    );
    if (!feature) throw new Error(`no outline for county ${county.code} ${county.name}`);
    return {
      code: county.code,
      name: county.name,
      seat: toWgs84(feature.properties.cp),
      outline: {
        type: 'Polygon',
        coordinates: feature.geometry.coordinates.map((ring) => ring.map(toWgs84)),
      },
      streets: county.streets.map((street) => ({
        code: street.code,
        name: street.name,
        kind: street.kind === 'street' || street.kind === 'township' ? street.kind : 'town',
        villages: street.villages.map(([code, name]) => ({ code, name })),
      })),
    };
  });
}

/** "建设路社区居委会" → "建设路社区", "南村村委会" → "南村村": the names people say. */
export function shortName(name: string): string {
  return name
    .replace(/居委会$|居民委员会$/, '')
    .replace(/村委会$|村民委员会$/, '村')
    .replace(/村村$/, '村');
}

export const isUrbanCommunity = (name: string): boolean => name.includes('社区');
