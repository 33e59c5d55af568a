import { describe, expect, it } from 'vitest';
import { samplePoints, shareWithinReach, type ReachGrid } from './service-area';

const metresPerDegreeLongitude = 111_320 * Math.cos((35.5 * Math.PI) / 180);

/** A square grid `sizeMetres` wide whose west edge sits `westMetres` east of longitude 112.8. */
function squareGrid(id: string, westMetres: number, sizeMetres: number): ReachGrid {
  const west = 112.8 + westMetres / metresPerDegreeLongitude;
  const east = 112.8 + (westMetres + sizeMetres) / metresPerDegreeLongitude;
  const south = 35.5;
  const north = 35.5 + sizeMetres / 110_574;
  return {
    id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    },
  };
}

const station: [number, number] = [112.8, 35.5 + 200 / 110_574];

describe('shareWithinReach', () => {
  it('counts a small grid next to a station as fully within reach and a far one as out of reach', () => {
    const shares = shareWithinReach([squareGrid('near', 0, 400), squareGrid('far', 3000, 400)], [station]);
    expect(shares.get('near')).toBe(1);
    expect(shares.get('far')).toBe(0);
  });

  it('gives a partial share to a grid the 1 km circle cuts through, growing with the reach', () => {
    const grid = squareGrid('cut', 600, 800);
    const atOneKilometre = shareWithinReach([grid], [station]).get('cut') ?? -1;
    const atOneAndAHalf = shareWithinReach([grid], [station], 1500).get('cut') ?? -1;
    expect(atOneKilometre).toBeGreaterThan(0);
    expect(atOneKilometre).toBeLessThan(1);
    expect(atOneAndAHalf).toBeGreaterThan(atOneKilometre);
  });

  it('reports zero everywhere when there are no stations', () => {
    expect(shareWithinReach([squareGrid('a', 0, 400)], []).get('a')).toBe(0);
  });
});

describe('samplePoints', () => {
  it('keeps only lattice points inside the polygon (an L shape loses its missing quarter)', () => {
    const lShape: ReachGrid = {
      id: 'l',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 1],
            [1, 1],
            [1, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      },
    };
    const samples = samplePoints(lShape, 8);
    expect(samples.length).toBe(48);
    expect(samples.every(([x, y]) => x < 1 || y < 1)).toBe(true);
  });
});
