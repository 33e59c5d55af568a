import type { Point } from 'geojson';
import { stationId } from '../../src/domain/ids';
import type { StationKind, StationLevel, StationProperties } from '../../src/domain/points';
import type { DemoGeography } from './build-geography';
import { stationAddress, stationHours, stationPhone } from './station-contacts';
import { randomFor, type Random } from './random';
import { roundedPointInRings } from './sample-point';

/**
 * Service stations: a comprehensive governance centre (综治中心) at each of the three levels — every county, street
 * and community — and, beside them, some hundreds of convenience stations, party-mass centres, mediation rooms and
 * public legal service points. Each stands inside its unit, in the unit's busiest grid.
 */
export interface StationFeature {
  type: 'Feature';
  geometry: Point;
  properties: StationProperties;
}

interface Unit {
  id: string;
  name: string;
  level: StationLevel;
  grids: number[];
}

const kindPrefix: Record<StationKind, string> = {
  governance_center: 'gc',
  service_station: 'ss',
  party_service_center: 'pc',
  mediation_room: 'mr',
  legal_service: 'ls',
};

function stationName(kind: StationKind, level: StationLevel, unitName: string): string {
  switch (kind) {
    case 'governance_center':
      return `${unitName}综治中心`;
    case 'service_station':
      return `${unitName}便民服务站`;
    case 'party_service_center':
      return `${unitName}党群服务中心`;
    case 'mediation_room':
      return level === 'community' ? `${unitName}调解室` : `${unitName}人民调解委员会调解室`;
    case 'legal_service':
      return `${unitName}公共法律服务${level === 'district' ? '中心' : level === 'street' ? '站' : '室'}`;
  }
}

/** Which other stations a unit has, beside its governance centre (shares loosely after the seeds' figures). */
function extraKinds(unit: Unit, urban: boolean, random: Random): StationKind[] {
  const kinds: StationKind[] = [];
  if (unit.level === 'district') kinds.push('legal_service');
  if (unit.level === 'street') {
    kinds.push('party_service_center', 'legal_service');
    if (random.chance(0.5)) kinds.push('mediation_room');
  }
  if (unit.level === 'community') {
    if (random.chance(urban ? 0.5 : 0.05)) kinds.push('service_station');
    if (random.chance(urban ? 0.2 : 0.01)) kinds.push('party_service_center');
    if (random.chance(urban ? 0.1 : 0.02)) kinds.push('mediation_room');
    if (random.chance(urban ? 0.1 : 0.02)) kinds.push('legal_service');
  }
  return kinds;
}

export function stationFeatures(geography: DemoGeography, seed: number): StationFeature[] {
  const random = randomFor(seed, 'stations');
  const levelOf = { district: 'district', street: 'street', community: 'community' } as const;
  const features: StationFeature[] = [];
  for (const region of geography.regions) {
    const { id, name, level } = region.properties;
    if (level === 'city') continue;
    const unit: Unit = { id, name, level: levelOf[level], grids: geography.gridsOfRegion.get(id) ?? [] };
    // The busiest grid of the unit: where a centre serving its people would stand.
    const households = (grid: number) => geography.sites[grid]?.households ?? 0;
    const home = unit.grids.reduce(
      (best, grid) => (households(grid) > households(best) ? grid : best),
      unit.grids[0] ?? 0,
    );
    const site = geography.sites[home];
    if (!site) continue;
    const urban = site.kind !== 'village';
    for (const kind of ['governance_center' as const, ...extraKinds(unit, urban, random)]) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: roundedPointInRings(site.rings, random, site.bbox) },
        properties: {
          id: stationId(`${kindPrefix[kind]}-${id}`),
          name: stationName(kind, unit.level, name),
          kind,
          level: unit.level,
          address: stationAddress(site, urban, random),
          phone: stationPhone(random),
          hours: stationHours(kind, unit.level, random),
        },
      });
    }
  }
  return features;
}
