import { HeatmapLayer } from '@deck.gl/aggregation-layers';

/**
 * deck.gl's HeatmapLayer, recomputing its weights once the view rests rather than on every frame of a pan.
 *
 * The stock layer aggregates over the visible bounds only, and recomputes the weight texture at once (every point,
 * drawn with its radius into a 2048² texture) whenever a frame shows anything outside them: every animation frame
 * of a pan. With 1 M cases that is one pass over a million points per frame; on a software GPU (SwiftShader, the
 * browser tests' and the pan bench's) it is seconds per pass, and the province pan with the 1 M-case heat drew no
 * frame at all in most runs. Here a move beyond the bounds keeps drawing the weights already computed, moved with
 * the view (the newly shown edge stays empty for the moment), and recomputes them through the layer's own
 * debounce (`debounceTimeout`, 500 ms), as the stock layer already does after a zoom. New data still recomputes at
 * once. `_updateBounds` and `_debouncedUpdateWeightmap` are the layer's own (public in its typings; deck.gl is pinned).
 */
export class RestingHeatmapLayer extends HeatmapLayer {
  static override layerName = 'RestingHeatmapLayer';

  override _updateBounds(forceUpdate = false): boolean {
    const { worldBounds, normalizedCommonBounds } = this.state;
    const changed = super._updateBounds(forceUpdate);
    if (!changed || forceUpdate || !worldBounds) return changed;
    this.setState({ worldBounds, normalizedCommonBounds });
    this._debouncedUpdateWeightmap();
    return false;
  }
}
