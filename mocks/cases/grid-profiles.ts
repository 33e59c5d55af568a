import type { GridId, RegionId } from '../../src/domain/ids';
import type { DemoCity } from '../demo-city';
import { gridTypeActivity } from './case-catalogue';
import { GridSampler } from './grid-sampler';
import type { Random } from '../city/random';

/**
 * How busy and how well-run each grid is. Performance is drawn per street (one street office runs all its
 * grids) with a little per-grid jitter, so rankings by street and by grid differ in ways that mean something:
 * city-wide about 92 % resolved and 98 % satisfied, single streets anywhere from about 80 % to 99 %.
 */
export interface GridProfile {
  gridId: GridId;
  communityId: RegionId;
  /** Relative share of the city's cases. */
  weight: number;
  sampler: GridSampler;
  /** Probability that a closed case is resolved. */
  resolution: number;
  /** Target share of rated cases that are satisfied or basically satisfied. */
  satisfaction: number;
  /** Probability that a case is closed by its deadline. */
  onTime: number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

interface StreetQuality {
  resolution: number;
  satisfaction: number;
  onTime: number;
}

function drawStreetQuality(random: Random): StreetQuality {
  return {
    resolution: clamp(0.925 + 0.045 * random.normal(), 0.78, 0.995),
    satisfaction: clamp(0.981 + 0.01 * random.normal(), 0.93, 0.998),
    onTime: clamp(0.9 + 0.05 * random.normal(), 0.7, 0.99),
  };
}

export function profileGrids(city: DemoCity, random: Random): GridProfile[] {
  const parentOf = new Map<string, string | null>();
  for (const region of city.regions.features) parentOf.set(region.properties.id, region.properties.parentId);
  const streetQuality = new Map<string, StreetQuality>();
  const communityHeat = new Map<string, number>();

  return city.grids.features.map((grid) => {
    const { id, communityId, type, population, households } = grid.properties;
    const streetId = parentOf.get(communityId) ?? communityId;
    let quality = streetQuality.get(streetId);
    if (!quality) {
      quality = drawStreetQuality(random);
      streetQuality.set(streetId, quality);
    }
    let heat = communityHeat.get(communityId);
    if (heat === undefined) {
      heat = Math.exp(0.45 * random.normal());
      communityHeat.set(communityId, heat);
    }
    const hotspot = random.chance(0.04) ? 3.5 : 1;
    const residents = population > 0 ? population : Math.max(households * 2.8, 60);
    return {
      gridId: id,
      communityId,
      weight: residents * gridTypeActivity[type] * heat * hotspot * Math.exp(0.35 * random.normal()),
      sampler: new GridSampler(grid.geometry, random),
      resolution: clamp(quality.resolution + 0.015 * random.normal(), 0.7, 0.999),
      satisfaction: clamp(quality.satisfaction + 0.005 * random.normal(), 0.9, 0.999),
      onTime: clamp(quality.onTime + 0.02 * random.normal(), 0.6, 0.995),
    };
  });
}
