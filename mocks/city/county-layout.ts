import { buildCountyCells } from './cells';
import { settleCells, type CellGraph } from './cell-graph';
import { communityKind, isCoreStreet, type CommunityKind } from './grid-plan';
import { partitionCells, type CellNetwork } from './partition';
import { randomFor } from './random';
import type { CountySource } from './source';
import type { VertexTable } from './vertex-table';

/**
 * Lay out one county in GCJ-02: as many cells as its communities have grids, cut into the real streets (the urban
 * core last, so it sits round the seat) and each street into its real communities. One cell is one grid.
 */
export interface CommunityLayout {
  code: string;
  name: string;
  streetCode: string;
  kind: CommunityKind;
  cells: number[];
}

export interface StreetLayout {
  code: string;
  name: string;
  core: boolean;
  cells: number[];
}

export interface CountyLayout {
  county: CountySource;
  graph: CellGraph;
  streets: StreetLayout[];
  communities: CommunityLayout[];
}

export function layoutCounty(
  county: CountySource,
  gridCounts: ReadonlyMap<string, number>,
  seed: number,
  vertices: VertexTable,
): CountyLayout {
  const wanted = (code: string) => gridCounts.get(code) ?? 1;
  const streets = county.streets.map((street) => ({ street, core: isCoreStreet(street, county) }));
  const total = county.streets
    .flatMap((street) => street.villages)
    .reduce((sum, village) => sum + wanted(village.code), 0);
  const urban = streets
    .filter(({ core }) => core)
    .flatMap(({ street }) => street.villages)
    .reduce((sum, village) => sum + wanted(village.code), 0);
  const graph = settleCells(
    buildCountyCells(
      county.outline,
      county.seat,
      total,
      urban,
      randomFor(seed, 'cells', county.code),
      vertices,
    ),
  );
  const network: CellNetwork = {
    centre: (cell) => graph.cells[cell]?.centre ?? [0, 0],
    neighbours: (cell) => graph.neighbours[cell] ?? [],
  };
  const streetCells = partitionCells(
    graph.cells.map((_, index) => index),
    streets.map(({ street, core }) => ({
      size: street.villages.reduce((sum, village) => sum + wanted(village.code), 0),
      core,
      minimum: street.villages.length,
    })),
    county.seat,
    network,
  );
  const communities = streets.flatMap(({ street, core }, s) => {
    const kinds = street.villages.map((village) => communityKind(village, core));
    const groups = partitionCells(
      streetCells[s] ?? [],
      street.villages.map((village, v) => ({ size: wanted(village.code), core: kinds[v] !== 'village' })),
      county.seat,
      network,
    );
    return street.villages.map((village, v) => ({
      code: village.code,
      name: village.name,
      streetCode: street.code,
      kind: kinds[v] ?? 'village',
      cells: groups[v] ?? [],
    }));
  });
  return {
    county,
    graph,
    streets: streets.map(({ street, core }, s) => ({
      code: street.code,
      name: street.name,
      core,
      cells: streetCells[s] ?? [],
    })),
    communities,
  };
}
