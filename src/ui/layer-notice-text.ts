import type { TFunction } from 'i18next';
import type { LayerKind } from '../domain/runtime-config';

/** A feature a layer left out, as the data layer lists it (read structurally: ui sits below data). */
export interface SkippedLike {
  number: number;
  id?: string;
  problem: string;
  field: string;
}

/** How many left-out features are named in the notice's line; the rest are behind "show all". */
export const namedInLine = 3;

/**
 * The words of a layer's notice, in the UI language: one line (how many of how many were left out, why, the
 * first few named) and one entry per left-out feature for the full list. Apart from the component so that the
 * fault catalogue's table and tests read the same words the user does.
 */
export function noticeText(
  t: TFunction<'common'>,
  layer: LayerKind,
  skipped: readonly SkippedLike[],
  drawn: number,
): { line: string; entries: string[] } {
  const name = (feature: SkippedLike) =>
    feature.id === undefined
      ? t('notice.feature', { number: feature.number })
      : t('notice.featureWithId', { number: feature.number, id: feature.id });
  const counts = new Map<string, number>();
  for (const feature of skipped) counts.set(feature.problem, (counts.get(feature.problem) ?? 0) + 1);
  const reasons = [...counts]
    .map(([problem, count]) =>
      t('notice.reasonCount', { count, reason: t(`notice.kind.${problem}`, { defaultValue: problem }) }),
    )
    .join(t('notice.separator'));
  const first = skipped.slice(0, namedInLine).map(name).join(t('notice.separator'));
  const summary = t('notice.skipped', {
    layer: t(`layers.${layer}`),
    count: skipped.length,
    total: drawn + skipped.length,
    reasons,
  });
  const line = `${summary}${first}${skipped.length > namedInLine ? t('notice.andMore') : ''}`;
  const entries = skipped.map((feature) =>
    t('notice.entry', {
      feature: name(feature),
      reason: t(`notice.problem.${feature.problem}`, { field: feature.field, defaultValue: feature.problem }),
    }),
  );
  return { line, entries };
}
