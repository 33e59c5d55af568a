import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { darkMapBackground, mapBackground } from './base-style';
import { gridTypeColours, sequentialColours } from './grid-fill';

/**
 * The grid-type and choropleth palettes stay distinct for colour-blind readers, checked by simulation (Machado,
 * Oliveira & Fernandes 2009, full severity, via culori) and CIEDE2000 distance, as the map paints them: blended at
 * their fill opacity over the light dashboard's background and the wall's dark one.
 */
const visions = {
  normal: (colour: Color) => colour,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const backgrounds = { light: mapBackground, dark: darkMapBackground };
const distance = differenceCiede2000();

/** A colour at an opacity over a background, as the map composites a fill. */
function blended(hex: string, opacity: number, background: readonly number[]): Color {
  const colour = parse(hex);
  if (colour?.mode !== 'rgb') throw new Error(`not an rgb colour: ${hex}`);
  const over = (value: number, index: number) =>
    opacity * value + (1 - opacity) * ((background[index] ?? 0) / 255);
  return { mode: 'rgb', r: over(colour.r, 0), g: over(colour.g, 1), b: over(colour.b, 2) };
}

/** The smallest CIEDE2000 distance between the pairs, each colour seen with a colour-vision deficiency. */
function closestPair(
  colours: readonly string[],
  opacity: number,
  background: readonly number[],
  see: (colour: Color) => Color,
  pairs: 'all' | 'neighbours',
): { distance: number; pair: string } {
  const seen = colours.map((hex) => see(blended(hex, opacity, background)));
  let closest = { distance: Infinity, pair: '' };
  for (let i = 0; i < seen.length; i += 1) {
    for (let j = i + 1; j < seen.length; j += 1) {
      if (pairs === 'neighbours' && j !== i + 1) continue;
      const d = distance(seen[i]!, seen[j]!);
      if (d < closest.distance) closest = { distance: d, pair: `${colours[i]} / ${colours[j]}` };
    }
  }
  return closest;
}

const cases = Object.entries(visions).flatMap(([vision, see]) =>
  Object.entries(backgrounds).map(([theme, background]) => ({ vision, see, theme, background })),
);

describe('palettes under colour-vision deficiency', () => {
  it.each(cases)('grid types stay apart for $vision on the $theme map', ({ see, background }) => {
    // The grid fill is painted at 55 % opacity (area-layers.ts); every pair of types must stay apart.
    const closest = closestPair(Object.values(gridTypeColours), 0.55, background, see, 'all');
    expect(closest.distance, closest.pair).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)(
    'choropleth classes stay ordered apart for $vision on the $theme map',
    ({ see, background }) => {
      // Classes are read in order, so each must differ from its neighbours; the choropleth is painted at 80 %.
      const closest = closestPair(sequentialColours, 0.8, background, see, 'neighbours');
      expect(closest.distance, closest.pair).toBeGreaterThanOrEqual(8);
    },
  );

  it('catches a palette that only normal vision tells apart (red against green)', () => {
    const redGreen = ['#d62728', '#2ca02c'];
    expect(closestPair(redGreen, 0.55, mapBackground, visions.normal, 'all').distance).toBeGreaterThan(8);
    expect(closestPair(redGreen, 0.55, mapBackground, visions.deuteranopia, 'all').distance).toBeLessThan(8);
  });
});
