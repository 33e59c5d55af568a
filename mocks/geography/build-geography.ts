import type { Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { createRandom, hashSeed, type Random } from '../cases/random';
import { buildCells, type Cell } from './cells';
import { partitionCells } from './partition';
import { isUrbanCommunity, type CountySource } from './source';
import { villagerGroups } from './people';

/**
 * Lay out one county: decide each community's number of grids, make that many cells inside the real outline, cut
 * them into the real streets (urban streets in the core) and each street into its real communities. One cell is one
 * grid. Everything here is in WGS84 (the outlines were converted from GCJ-02 when read).
 */
export interface CommunityLayout {
  code: string;
  name: string;
  streetCode: string;
  urban: boolean;
  cells: number[];
}

export interface CountyLayout {
  county: CountySource;
  cells: Cell[];
  communities: CommunityLayout[];
  streets: { code: string; name: string; cells: number[] }[];
}

function urbanGridCount(random: Random): number {
  return Math.max(3, Math.round(random.between(1800, 3600) / 400));
}

export function layoutCounty(county: CountySource, seed: number): CountyLayout {
  const random = createRandom(hashSeed(seed, county.code));
  const wanted = county.streets.map((street) =>
    street.villages.map((village) =>
      isUrbanCommunity(village.name) ? urbanGridCount(random) : villagerGroups(random),
    ),
  );
  const total = wanted.flat().reduce((a, b) => a + b, 0);
  const urbanTotal = county.streets
    .flatMap((street, s) =>
      street.villages.map((village, v) => (isUrbanCommunity(village.name) ? (wanted[s]?.[v] ?? 0) : 0)),
    )
    .reduce((a, b) => a + b, 0);
  const cells = buildCells(
    county.outline,
    county.seat,
    total,
    Math.min(0.85, (urbanTotal / total) * 1.1),
    random,
  );
  const graph = {
    centre: (cell: number) => cells[cell]?.centre ?? [0, 0],
    neighbours: (cell: number) => cells[cell]?.neighbours ?? [],
  } as const;
  const allCells = cells.map((_, index) => index);
  const streetCells = partitionCells(
    allCells,
    county.streets.map((street, s) => ({
      size: (wanted[s] ?? []).reduce((a, b) => a + b, 0),
      core: street.kind === 'street',
      minimum: street.villages.length,
    })),
    county.seat,
    graph,
  );
  const communities: CommunityLayout[] = [];
  county.streets.forEach((street, s) => {
    const groups = partitionCells(
      streetCells[s] ?? [],
      street.villages.map((village, v) => ({
        size: wanted[s]?.[v] ?? 1,
        core: isUrbanCommunity(village.name),
      })),
      county.seat,
      graph,
    );
    street.villages.forEach((village, v) => {
      communities.push({
        code: village.code,
        name: village.name,
        streetCode: street.code,
        urban: isUrbanCommunity(village.name),
        cells: groups[v] ?? [],
      });
    });
  });
  return {
    county,
    cells,
    communities,
    streets: county.streets.map((street, s) => ({
      code: street.code,
      name: street.name,
      cells: streetCells[s] ?? [],
    })),
  };
}

/** The union of some cells: the outline of a community or a street. */
export function unionOf(cells: readonly Cell[]): Position[][][] {
  const [first, ...rest] = cells.map((cell) => cell.polygons as polyclip.Geom);
  if (!first) return [];
  return polyclip.union(first, ...rest);
}
