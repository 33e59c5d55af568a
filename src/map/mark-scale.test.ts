import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { caseHeatLayer } from './cases/case-layers';
import { scaleMarks } from './mark-scale';

describe('scaleMarks', () => {
  it('multiplies the pixel sizes of discs, outlines, text and the heat kernel, keeping each layer id', () => {
    const disc = new ScatterplotLayer({ id: 'disc', data: [], radiusScale: 1.5 });
    const text = new TextLayer({ id: 'text', data: [] });
    const heat = caseHeatLayer(
      { count: 0, positions: new Float32Array(0), stage: new Uint8Array(0) },
      'heatmap',
    );
    const [scaledDisc, scaledText, scaledHeat] = scaleMarks([disc, text, heat], 2);
    expect(scaledDisc!.id).toBe('disc');
    expect(scaledDisc!.props).toMatchObject({ radiusScale: 3, lineWidthScale: 2 });
    expect(scaledText!.props).toMatchObject({ sizeScale: 2 });
    expect((scaledHeat!.props as unknown as { radiusPixels: number }).radiusPixels).toBe(
      2 * (heat.props as unknown as { radiusPixels: number }).radiusPixels,
    );
  });

  it('hands the same layers back at scale 1', () => {
    const layers = [new ScatterplotLayer({ id: 'disc', data: [] })];
    expect(scaleMarks(layers, 1)).toBe(layers);
  });
});
