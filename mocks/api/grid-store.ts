import type { GridFeature } from '../../src/contract/schemas/contract.schema';
import type { Bbox } from '../../src/domain/case-filter';
import { bboxOfArea } from '../cases/grid-sampler';

/**
 * The grids as the session knows them: initially the demo city's, then whatever a planner saved. Each community
 * carries one version number (its grids' highest), which is what optimistic saving compares against.
 */
export interface StoredGrid {
  feature: GridFeature;
  bbox: Bbox;
}

export class GridStore {
  private readonly byCommunity = new Map<string, StoredGrid[]>();
  private readonly versions = new Map<string, number>();

  constructor(grids: readonly GridFeature[]) {
    for (const feature of grids) {
      const { communityId, version } = feature.properties;
      const list = this.byCommunity.get(communityId) ?? [];
      list.push({ feature, bbox: bboxOfArea(feature.geometry) });
      this.byCommunity.set(communityId, list);
      this.versions.set(communityId, Math.max(this.versions.get(communityId) ?? 0, version));
    }
  }

  all(): StoredGrid[] {
    return [...this.byCommunity.values()].flat();
  }

  ofCommunity(communityId: string): readonly StoredGrid[] {
    return this.byCommunity.get(communityId) ?? [];
  }

  versionOf(communityId: string): number {
    return this.versions.get(communityId) ?? 0;
  }

  /** Store a community's new plan under the next version; every grid in it carries that version. */
  replace(communityId: string, grids: readonly GridFeature[]): number {
    const version = this.versionOf(communityId) + 1;
    this.versions.set(communityId, version);
    this.byCommunity.set(
      communityId,
      grids.map((grid) => {
        const feature: GridFeature = { ...grid, properties: { ...grid.properties, version } };
        return { feature, bbox: bboxOfArea(feature.geometry) };
      }),
    );
    return version;
  }
}
