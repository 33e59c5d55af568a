import { describe, expect, it } from 'vitest';
import { caseStages } from '../../domain/case';
import { caseStageColours, stageColourBytes } from './case-colours';
import {
  caseCellMetres,
  caseHeatLayer,
  caseLayerIds,
  zoomToFit,
  casePointLayer,
  casePulseLayer,
  hotspotRingLayer,
  type HotspotAreas,
} from './case-layers';

const points = {
  count: 3,
  positions: new Float32Array([112.8, 35.5, 112.9, 35.6, 113, 35.7]),
  stage: new Uint8Array([0, 3, 5]),
};

describe('case layers', () => {
  it('gives the heatmap the packed positions as a binary attribute, without stride', () => {
    {
      const layer = caseHeatLayer(points, 'heatmap');
      expect(layer.id).toBe(caseLayerIds.heatmap);
      const data = layer.props.data as {
        length: number;
        attributes: { getPosition: { value: Float32Array; size: number } };
      };
      expect(data.length).toBe(3);
      expect(data.attributes.getPosition.value).toBe(points.positions);
      expect(data.attributes.getPosition).not.toHaveProperty('stride');
    }
  });

  it('feeds the cell aggregations the same packed positions through a reusable target', () => {
    for (const [aggregation, id] of [
      ['hexagon', caseLayerIds.hexagon],
      ['grid', caseLayerIds.grid],
    ] as const) {
      const layer = caseHeatLayer(points, aggregation, 800);
      expect(layer.id).toBe(id);
      const props = layer.props as unknown as {
        data: { length: number };
        getPosition: (object: unknown, info: { index: number; target: number[] }) => number[];
      };
      expect(props.data.length).toBe(3);
      const target = [0, 0, 0];
      expect(props.getPosition(null, { index: 2, target })).toBe(target);
      expect(target[0]).toBeCloseTo(113, 4);
      expect(target[1]).toBeCloseTo(35.7, 4);
    }
  });

  it('keeps aggregation cells a similar size on screen at every zoom', () => {
    expect(caseCellMetres(10, 35.5)).toBeCloseTo(2 * caseCellMetres(11, 35.5), -1);
    expect(caseCellMetres(9, 35.5)).toBeGreaterThan(3000);
    expect(caseCellMetres(22, 35.5)).toBe(50);
    expect(zoomToFit([112, 35, 113.6, 36.1])).toBeCloseTo(Math.log2(360_000 / (256 * 1.6)), 6);
  });

  it('colours each case by its loop stage', () => {
    const colours = stageColourBytes(points.stage, points.count);
    points.stage.forEach((code, index) => {
      expect(Array.from(colours.subarray(index * 4, index * 4 + 4))).toEqual(
        caseStageColours[caseStages[code]!],
      );
    });
    expect(casePointLayer(points, colours).id).toBe(caseLayerIds.points);
  });

  it('draws a pulse that grows and fades as it ages', () => {
    const layer = casePulseLayer([{ id: 'a', position: [112.8, 35.5], age: 0.5 }]);
    const radius = (layer.props as unknown as { getRadius: (pulse: { age: number }) => number }).getRadius;
    expect(radius({ age: 1 })).toBeGreaterThan(radius({ age: 0 }));
  });

  it('rings each early-warning grid at the middle of its extent, the white halo under the red ring', () => {
    const areas: HotspotAreas = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'g1' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [112, 35],
                [112.2, 35],
                [112.2, 35.1],
                [112, 35],
              ],
            ],
          },
        },
      ],
    };
    const [halo, ring] = [hotspotRingLayer(areas, 'halo'), hotspotRingLayer(areas, 'ring')];
    type RingProps = { getPosition: (area: HotspotAreas['features'][number]) => [number, number] };
    const position = (ring.props as unknown as RingProps).getPosition(areas.features[0]!);
    expect(position[0]).toBeCloseTo(112.1);
    expect(position[1]).toBeCloseTo(35.05);
    expect([halo.id, ring.id]).toEqual([caseLayerIds.hotspotHalos, caseLayerIds.hotspotRings]);
  });
});
