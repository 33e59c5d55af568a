import type { GridId, RegionId } from './ids';

/** The five grid types named by Jincheng's grid standard. */
export const gridTypes = ['new_build', 'urban_village', 'old_town', 'work_unit', 'suburban'] as const;
export type GridType = (typeof gridTypes)[number];

export interface GridProperties {
  id: GridId;
  code: string;
  name: string;
  communityId: RegionId;
  type: GridType;
  households: number;
  population: number;
  workerName: string;
  version: number;
}
