import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';

/**
 * The real extracts the demo city stands on (../source/README.md: provenance and licence): the six county outlines
 * in GCJ-02 and the national division tree below them. Layout happens in GCJ-02, the outlines' own system.
 */
export interface VillageSource {
  code: string;
  /** Short name: "建设路社区居委会" → "建设路社区", "东沟村委会" → "东沟村". */
  name: string;
  /** A residents' committee (社区) rather than a villagers' committee (村). */
  urban: boolean;
}

export interface StreetSource {
  code: string;
  name: string;
  kind: 'street' | 'town' | 'township';
  villages: VillageSource[];
}

export interface CountySource {
  code: string;
  name: string;
  /** Label point of the county (its seat), GCJ-02. */
  seat: [number, number];
  outline: Polygon;
  streets: StreetSource[];
}

interface DivisionsFile {
  counties: {
    code: string;
    name: string;
    streets: { code: string; name: string; kind: string; villages: [string, string][] }[];
  }[];
}

interface OutlinesFile {
  features: { geometry: Polygon; properties: { adcode: number; name: string; cp: Position } }[];
}

export function shortName(name: string): string {
  return name
    .replace(/(居委会|居民委员会)$/, '')
    .replace(/(村委会|村民委员会)$/, '村')
    .replace(/村村$/, '村');
}

const streetKind = (kind: string, name: string): StreetSource['kind'] =>
  kind === 'street' ? 'street' : name.endsWith('乡') ? 'township' : 'town';

const sourceUrl = (file: string) => new URL(`../source/${file}`, import.meta.url);

export function readCitySource(): CountySource[] {
  const divisions = JSON.parse(readFileSync(sourceUrl('jincheng-divisions.json'), 'utf8')) as DivisionsFile;
  const outlines = JSON.parse(
    readFileSync(sourceUrl('jincheng-counties.gcj02.geojson'), 'utf8'),
  ) as OutlinesFile;
  return divisions.counties.map((county) => {
    const feature = outlines.features.find((item) => String(item.properties.adcode) === county.code);
    if (!feature) throw new Error(`no outline for county ${county.code}`);
    const [lng = 0, lat = 0] = feature.properties.cp;
    return {
      code: county.code,
      name: county.name,
      seat: [lng, lat],
      outline: feature.geometry,
      streets: county.streets.map((street) => ({
        code: street.code,
        name: street.name,
        kind: streetKind(street.kind, street.name),
        villages: street.villages.map(([code, name]) => ({
          code,
          name: shortName(name),
          urban: name.includes('社区'),
        })),
      })),
    };
  });
}
