import type { Layer } from '@deck.gl/core';

/**
 * Layers that leave the map are kept in deck.gl, hidden, instead of being finalized. With luma.gl 9.4 a
 * finalized layer leaves GPU objects behind (Model.destroy keeps its vertex array; Texture.destroy keeps its
 * sampler and view): a display that toggles layers every scene, for weeks, would pile them up. Keeping each id
 * once is bounded by the number of distinct layers, and showing one again costs nothing.
 */
export interface RetainedLayers {
  /** The last layer given under each id, and its hidden copy once made. */
  byId: Map<string, { layer: Layer; hidden: Layer | null }>;
}

export const createRetainedLayers = (): RetainedLayers => ({ byId: new Map() });

export function retainLayers(current: readonly Layer[], retained: RetainedLayers): Layer[] {
  const shown = new Set<string>();
  for (const layer of current) {
    shown.add(layer.id);
    const known = retained.byId.get(layer.id);
    if (known?.layer !== layer) retained.byId.set(layer.id, { layer, hidden: null });
  }
  const hidden: Layer[] = [];
  for (const [id, entry] of retained.byId) {
    if (shown.has(id)) continue;
    // clone() is typed loosely in deck.gl 9.4; it returns a layer of the same class.
    const copy: Layer = entry.hidden ?? (entry.layer.clone({ visible: false }) as Layer);
    entry.hidden = copy;
    hidden.push(copy);
  }
  return [...current, ...hidden];
}
