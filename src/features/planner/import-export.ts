import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { gridId } from '../../domain/ids';
import type { GridProperties } from '../../domain/grid';
import { areaGeometrySchema } from '../../contract/schemas/geojson.schema';
import { gridPropertiesSchema } from '../../contract/schemas/contract.schema';
import type { SourceFeature } from '../../data/adapters/feature-mapping';
import type { Changeset, GridFeature, Plan } from '../../geo/plan/plan';

/** The plan as a GeoJSON file, exactly the grids a save would send. */
export const planAsGeoJson = (plan: Plan): FeatureCollection<Polygon | MultiPolygon, GridProperties> => ({
  type: 'FeatureCollection',
  features: [...plan.grids],
});

/** The polygons of an imported file, validated; points and lines are left out (a plan is areas). */
export function importedAreas(features: readonly SourceFeature[]): Feature<Polygon | MultiPolygon>[] {
  return features.flatMap((feature) => {
    const geometry = areaGeometrySchema.safeParse(feature.geometry);
    return geometry.success
      ? [{ type: 'Feature', geometry: geometry.data, properties: feature.properties ?? {} }]
      : [];
  });
}

/**
 * An imported file as the starting plan: one changeset that replaces every grid, so it is undone like any edit.
 * Properties the file carries as grid properties are kept; others get the community's defaults and new ids.
 */
export function importAsPlan(plan: Plan, areas: readonly Feature<Polygon | MultiPolygon>[]): Changeset {
  const put: GridFeature[] = areas.map((area, index) => {
    const serial = String(index + 1).padStart(3, '0');
    const fallback: GridProperties = {
      id: gridId(`${plan.communityId}-I${serial}`),
      code: `${plan.communityId}-I${serial}`,
      name: `导入网格${index + 1}`,
      communityId: plan.communityId,
      type: 'new_build',
      households: 0,
      population: 0,
      workerName: '',
      version: plan.baseVersion,
    };
    const own = gridPropertiesSchema.safeParse({
      ...fallback,
      ...area.properties,
      communityId: plan.communityId,
      version: plan.baseVersion,
    });
    return { type: 'Feature', geometry: area.geometry, properties: own.success ? own.data : fallback };
  });
  return {
    label: { action: 'carve_grid', gridIds: put.map((grid) => grid.properties.id) },
    put,
    remove: plan.grids
      .map((grid) => grid.properties.id)
      .filter((id) => !put.some((grid) => grid.properties.id === id)),
  };
}
