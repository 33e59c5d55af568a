import { describe, expect, it } from 'vitest';
import { gridId } from '../../../domain/ids';
import { box } from '../fixtures/build-fixture';
import { multiPartPlan, sharedEdgesPlan, sliverPlan } from '../fixtures/plan.fixtures';
import { voronoiPlan } from '../fixtures/voronoi.fixtures';
import type { GridFeature, Plan } from '../plan';
import { blocksSaving, issueCodes, type Issue } from './issue';
import { validatePlan } from './validate-plan';

const options = {
  householdsPerGrid: [300, 500] as const,
  minimumAreaSquareMetres: 2000,
  minimumWidthMetres: 20,
};
const g = (serial: number) => gridId(`C1-G${serial}`);
const codes = (issues: readonly Issue[]) => issues.map((issue) => `${issue.code}:${issue.gridIds.join('+')}`);

function withGeometry(plan: Plan, id: string, geometry: GridFeature['geometry']): Plan {
  return {
    ...plan,
    grids: plan.grids.map((grid) => (grid.properties.id === id ? { ...grid, geometry } : grid)),
  };
}

describe('validatePlan', () => {
  it('finds nothing wrong with the topology of a tiled community', () => {
    for (const plan of [sharedEdgesPlan, multiPartPlan, voronoiPlan(30)]) {
      expect(validatePlan(plan, options).filter((issue) => issue.severity === 'error')).toEqual([]);
    }
  });

  it('reports an overlap between two grids, with the overlapping ground to highlight', () => {
    const plan = withGeometry(sharedEdgesPlan, 'C1-G1', {
      type: 'Polygon',
      coordinates: [box(112.85, 35.49, 112.856, 35.494)],
    });
    const overlap = validatePlan(plan, options).find((issue) => issue.code === issueCodes.overlap);
    expect(overlap?.gridIds).toEqual([g(1), g(2)]);
    expect(overlap?.severity).toBe('error');
    // 0.001° × 0.004° ≈ 90.6 m × 443.6 m
    expect(overlap?.params.areaSquareMetres).toBeGreaterThan(39_000);
    expect(overlap?.params.areaSquareMetres).toBeLessThan(41_000);
    expect(blocksSaving(validatePlan(plan, options))).toBe(true);
  });

  it('reports the gap a shrunken grid leaves, naming the grids around it', () => {
    const plan = withGeometry(sharedEdgesPlan, 'C1-G4', {
      type: 'Polygon',
      coordinates: [box(112.854, 35.4955, 112.8565, 35.497)],
    });
    const gap = validatePlan(plan, options).find((issue) => issue.code === issueCodes.gap);
    expect(gap?.gridIds).toEqual(expect.arrayContaining([g(3), g(4)]));
    expect(gap?.geometry?.type).toBe('Polygon');
  });

  it('reports ground outside the community', () => {
    const plan = withGeometry(multiPartPlan, 'C2-G3', {
      type: 'Polygon',
      coordinates: [box(112.862, 35.4925, 112.866, 35.496)],
    });
    expect(codes(validatePlan(plan, options))).toContain('outside_community:C2-G3');
  });

  it('reports a self-intersecting outline and keeps it out of the area checks', () => {
    const bowtie = [
      [112.85, 35.49],
      [112.855, 35.494],
      [112.855, 35.49],
      [112.85, 35.494],
      [112.85, 35.49],
    ];
    const issues = validatePlan(
      withGeometry(sharedEdgesPlan, 'C1-G1', { type: 'Polygon', coordinates: [bowtie] }),
      options,
    );
    expect(codes(issues)).toContain('self_intersection:C1-G1');
    expect(issues.find((issue) => issue.code === issueCodes.selfIntersection)?.geometry?.type).toBe(
      'MultiPoint',
    );
  });

  it('warns of slivers by area and by width, and of multi-part grids, without blocking saving', () => {
    const sliverIssues = validatePlan(sliverPlan, options);
    expect(codes(sliverIssues)).toContain('sliver_area:C3-G2');
    expect(blocksSaving(sliverIssues)).toBe(false);
    // a 0.18 m × 555 m strip is over 100 m²: under a 50 m² minimum area, it is still too thin
    const byWidth = validatePlan(sliverPlan, { ...options, minimumAreaSquareMetres: 50 });
    expect(codes(byWidth)).toContain('sliver_width:C3-G2');
    expect(codes(byWidth)).not.toContain('sliver_width:C3-G1');
    expect(codes(validatePlan(multiPartPlan, options))).toContain('multi_part:C2-G2');
  });

  it('warns of urban grids outside the household range, but not of suburban ones', () => {
    const issues = validatePlan(sharedEdgesPlan, options);
    expect(codes(issues).filter((code) => code.startsWith('households'))).toEqual([
      'households_out_of_range:C1-G3',
      'households_out_of_range:C1-G4',
    ]);
    expect(codes(validatePlan(multiPartPlan, { ...options, householdsPerGrid: [400, 500] }))).not.toContain(
      'households_out_of_range:C2-G3',
    );
  });

  it('lists errors before warnings', () => {
    const plan = withGeometry(sliverPlan, 'C3-G2', {
      type: 'Polygon',
      coordinates: [box(112.855, 35.49, 112.8551, 35.495)],
    });
    const severities = validatePlan(plan, options).map((issue) => issue.severity);
    expect(severities[0]).toBe('error');
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('warning'));
  });
});
