import type { TFunction } from 'i18next';
import type { ClassedFill } from '../../../map/grid-fill';

/** Legend lines of a classed fill: "< a", "a – b", "≥ c", each with its colour (one wording for every legend). */
export function classLabels(
  classes: ClassedFill,
  format: (value: number) => string,
  t: TFunction<'map'>,
): { colour: string; label: string }[] {
  return classes.colours.map((colour, index) => {
    const low = classes.breaks[index - 1];
    const high = classes.breaks[index];
    const label =
      low === undefined && high !== undefined
        ? t('legend.below', { value: format(high) })
        : high === undefined && low !== undefined
          ? t('legend.atLeast', { value: format(low) })
          : low !== undefined && high !== undefined
            ? t('legend.range', { from: format(low), to: format(high) })
            : t('choropleth.single');
    return { colour, label };
  });
}
