import type { Layer } from '@deck.gl/core';

/**
 * Every deck.gl mark and its text made `scale` times larger, whatever the layer: deck.gl's own scale props
 * (`radiusScale`, `lineWidthScale`, `sizeScale`, `pointRadiusScale`) multiply pixel sizes, and a heatmap's kernel is
 * `radiusPixels`. The wall passes its design unit (2 on a 4K layout), so marks drawn for a desk screen read from
 * the 3–5 m of a command-centre wall as its type does. A layer is cloned (same id, so deck.gl keeps its state)
 * only when the scale is not 1.
 */
const scaleProps = ['radiusScale', 'lineWidthScale', 'sizeScale', 'pointRadiusScale'] as const;

export function scaleMarks(layers: Layer[], scale: number): Layer[] {
  if (scale === 1) return layers;
  return layers.map((layer): Layer => {
    const props = layer.props as unknown as Record<string, unknown>;
    const scaled: Record<string, number> = {};
    for (const name of scaleProps) {
      const value = props[name];
      if (typeof value === 'number') scaled[name] = value * scale;
    }
    if (typeof props['radiusPixels'] === 'number') scaled['radiusPixels'] = props['radiusPixels'] * scale;
    return Object.keys(scaled).length > 0 ? (layer.clone(scaled) as Layer) : layer;
  });
}
