import { length, lineString } from '@turf/turf';
import { areaOf, partsOf, ringsOf } from '../geometry/clip';
import type { AreaGeometry, GridFeature } from '../plan';
import { outlineCrossings } from './crossings';
import { issueCodes, rounded, type Issue, type ValidationOptions } from './issue';

/** An outline that crosses itself has no well-defined inside; boolean operations on it are meaningless. */
export function selfIntersectionIssues(grid: GridFeature): Issue[] {
  const crossings = outlineCrossings(grid.geometry);
  if (crossings.length === 0) return [];
  return [
    {
      code: issueCodes.selfIntersection,
      severity: 'error',
      gridIds: [grid.properties.id],
      params: { crossings: crossings.length },
      geometry: { type: 'MultiPoint', coordinates: crossings },
    },
  ];
}

const perimeterOf = (part: AreaGeometry): number =>
  ringsOf(part).reduce((sum, ring) => sum + length(lineString(ring), { units: 'meters' }), 0);

/**
 * Parts too small or too thin to be a grid of their own, usually left over by an edit. Width is estimated as
 * 2·area/perimeter (holes included in the perimeter): exact for the width of a long strip, half the side of a
 * square and the radius of a disc — it underestimates compact shapes, but those are caught by area first.
 */
export function sliverIssues(grid: GridFeature, options: ValidationOptions): Issue[] {
  return partsOf(grid.geometry).flatMap((part): Issue[] => {
    const area = areaOf(part);
    const base = { severity: 'warning' as const, gridIds: [grid.properties.id], geometry: part };
    if (area < options.minimumAreaSquareMetres) {
      return [
        {
          ...base,
          code: issueCodes.sliverArea,
          params: { areaSquareMetres: rounded(area), minimum: options.minimumAreaSquareMetres },
        },
      ];
    }
    const width = (2 * area) / perimeterOf(part);
    if (width < options.minimumWidthMetres) {
      return [
        {
          ...base,
          code: issueCodes.sliverWidth,
          params: { widthMetres: rounded(width), minimum: options.minimumWidthMetres },
        },
      ];
    }
    return [];
  });
}

/** A grid in several pieces: allowed (an enclave), but usually the residue of a split or carve. */
export function multiPartIssues(grid: GridFeature): Issue[] {
  const parts = partsOf(grid.geometry).length;
  if (parts < 2) return [];
  return [
    {
      code: issueCodes.multiPart,
      severity: 'warning',
      gridIds: [grid.properties.id],
      params: { parts },
      geometry: grid.geometry,
    },
  ];
}
