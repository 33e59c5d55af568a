import { useMemo } from 'react';
import { ancestry, childLevel, type UnitLevel } from '../../../domain/hierarchy';
import { regionId } from '../../../domain/ids';
import { useGrids, useRegionIndex } from '../../../data/queries';
import { useViewSettings } from '../../../ui/view-state';

export interface FocusUnit {
  id: string;
  name: string;
  level: UnitLevel;
  /** From the city down to the unit itself: the breadcrumb. */
  chain: { id: string; name: string; level: UnitLevel }[];
  childLevel: UnitLevel | null;
}

/** The unit the view is focused on (?region=), resolved against the hierarchy; the city when absent or unknown. */
export function useFocus(): FocusUnit | null {
  const [view] = useViewSettings();
  const regions = useRegionIndex();
  const grids = useGrids();
  return useMemo(() => {
    const index = regions.data;
    if (!index?.root) return null;
    const requested = view.region;
    if (requested && index.byId.has(regionId(requested))) {
      const chain = ancestry(index, regionId(requested));
      const unit = chain[chain.length - 1];
      if (unit)
        return { id: unit.id, name: unit.name, level: unit.level, chain, childLevel: childLevel(unit.level) };
    }
    const grid = requested
      ? grids.data?.features.find((feature) => feature.properties.id === requested)
      : undefined;
    if (grid) {
      const chain = [
        ...ancestry(index, grid.properties.communityId),
        { id: grid.properties.id, name: grid.properties.name, level: 'grid' as const },
      ];
      return { id: grid.properties.id, name: grid.properties.name, level: 'grid', chain, childLevel: null };
    }
    const root = index.root;
    return {
      id: root.id,
      name: root.name,
      level: root.level,
      chain: [root],
      childLevel: childLevel(root.level),
    };
  }, [regions.data, grids.data, view.region]);
}
