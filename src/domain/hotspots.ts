/**
 * Early warning (未诉先办): a grid is flagged when its cases in the last 7 days are well above its own baseline.
 * The rule, stated in the UI too: baseline = the grid's average weekly count over the previous 8 weeks; flag when
 * the last week has at least `minimumCases` cases AND exceeds baseline + 3 × √baseline (a Poisson-style
 * threshold, so quiet grids need a real jump, not one extra case) AND at least doubles the baseline.
 */
export interface HotspotRule {
  baselineWeeks: number;
  minimumCases: number;
  sigmas: number;
  minimumRatio: number;
}

export const defaultHotspotRule: HotspotRule = {
  baselineWeeks: 8,
  minimumCases: 5,
  sigmas: 3,
  minimumRatio: 2,
};

export interface HotspotVerdict {
  lastWeek: number;
  baselinePerWeek: number;
  threshold: number;
  flagged: boolean;
}

export function hotspotVerdict(
  lastWeek: number,
  baselineTotal: number,
  rule = defaultHotspotRule,
): HotspotVerdict {
  const baselinePerWeek = baselineTotal / rule.baselineWeeks;
  const threshold = Math.max(
    rule.minimumCases,
    baselinePerWeek + rule.sigmas * Math.sqrt(baselinePerWeek),
    baselinePerWeek * rule.minimumRatio,
  );
  return {
    lastWeek,
    baselinePerWeek,
    threshold,
    flagged: lastWeek >= threshold && lastWeek > baselinePerWeek,
  };
}

/**
 * Count each grid's cases in the last week and in the baseline weeks before it, from report times, and return
 * the flagged grids, worst first (by how far above the threshold they are).
 */
export function findHotspots<G extends string>(
  cases: Iterable<{ gridId: G | null; reportedAt: string }>,
  now: number,
  rule = defaultHotspotRule,
): { gridId: G; verdict: HotspotVerdict }[] {
  const weekMs = 7 * 86_400_000;
  const lastWeekFrom = now - weekMs;
  const baselineFrom = lastWeekFrom - rule.baselineWeeks * weekMs;
  const counts = new Map<G, { last: number; baseline: number }>();
  for (const item of cases) {
    if (item.gridId === null) continue;
    const reported = Date.parse(item.reportedAt);
    if (!(reported >= baselineFrom && reported < now)) continue;
    const entry = counts.get(item.gridId) ?? { last: 0, baseline: 0 };
    if (reported >= lastWeekFrom) entry.last += 1;
    else entry.baseline += 1;
    counts.set(item.gridId, entry);
  }
  const flagged: { gridId: G; verdict: HotspotVerdict }[] = [];
  for (const [gridId, entry] of counts) {
    const verdict = hotspotVerdict(entry.last, entry.baseline, rule);
    if (verdict.flagged) flagged.push({ gridId, verdict });
  }
  return flagged.sort(
    (a, b) => b.verdict.lastWeek / b.verdict.threshold - a.verdict.lastWeek / a.verdict.threshold,
  );
}
