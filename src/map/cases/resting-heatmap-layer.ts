import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { LayerContext } from '@deck.gl/core';

type Transform = HeatmapLayer['state']['weightsTransform'];

/** What a destroyed transform leaves behind in luma.gl 9.4, taken before it is destroyed (see releaseLeftovers). */
interface Leftovers {
  framebuffers: WebGLFramebuffer[];
  others: { destroy(): void }[];
}

function leftoversOf(transform: Transform): Leftovers {
  if (!transform) return { framebuffers: [], others: [] };
  const framebuffers = transform.bindings
    .map((binding) => (binding.framebuffer as { handle?: WebGLFramebuffer | null } | undefined)?.handle)
    .filter((handle): handle is WebGLFramebuffer => handle !== null && handle !== undefined);
  return { framebuffers, others: [transform.sampler, transform.model.vertexArray] };
}

/**
 * luma.gl 9.4 leaves GPU objects behind when a TextureTransform is destroyed, and the heatmap destroys its weights
 * transform on every refresh with new data (a wall refreshing for weeks): WEBGLFramebuffer.destroy() marks itself
 * destroyed (super.destroy()) before the check that deletes its GL handle, so the handle is never deleted; the
 * transform's own sampler and its model's vertex array are never destroyed at all. The soak counted one more
 * framebuffer, sampler and vertex array per refresh. They are released here: the framebuffer handles guarded by
 * isFramebuffer, and the sampler and vertex array through their own destroy(), which does nothing the second
 * time; so all of this is a no-op once luma releases them itself.
 */
function releaseLeftovers(context: LayerContext, leftovers: Leftovers): void {
  const gl = (context.device as { gl?: WebGL2RenderingContext }).gl;
  if (gl)
    for (const handle of leftovers.framebuffers) if (gl.isFramebuffer(handle)) gl.deleteFramebuffer(handle);
  for (const resource of leftovers.others) resource.destroy();
}

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

  override _createWeightsTransform(shaders: Parameters<HeatmapLayer['_createWeightsTransform']>[0]): void {
    const leftovers = leftoversOf(this.state.weightsTransform);
    super._createWeightsTransform(shaders);
    releaseLeftovers(this.context, leftovers);
  }

  override finalizeState(context: LayerContext): void {
    const leftovers = [this.state.weightsTransform, this.state.maxWeightTransform].map(leftoversOf);
    super.finalizeState(context);
    for (const each of leftovers) releaseLeftovers(context, each);
  }
}
