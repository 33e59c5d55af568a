import type { CaseProperties } from './case';
import { metresBetween } from './workers';
import { assessmentParts, type AssessmentPart, type AssessmentWeights } from './assessment-weights';
import { rateOf, type Ratio } from './ratio';

/**
 * Grid worker assessment (网格员考核): a scorecard per grid, and per worker over the grids the worker looks after,
 * for the review's window. The figures are pairs of counts over the cases reported in the window (the review's
 * cases), so a worker's card is the sum of its grids' and every rate keeps what it divides by:
 *
 * - patrol share (主动发现率): reported by the worker on patrol (`channel` = patrol) ÷ reported in the grid;
 * - settled in the grid ("小事不出网格"): closed with `resolvedAtLevel` = grid ÷ closed with a level;
 * - on time: closed by `dueAt` ÷ closed;
 * - satisfaction: satisfied or basically satisfied ÷ rated, of the closed cases (as indicators.ts counts it).
 *
 * Patrol distance comes from the worker tracks, one day a call: there is no cheap honest source for the window, so a
 * worker's card shows today's distance beside its figures and the score leaves it out. Visits (走访) are in no call
 * of the contract and are not shown.
 */
export { assessmentParts, defaultAssessmentWeights } from './assessment-weights';
export type { AssessmentPart, AssessmentWeights } from './assessment-weights';

export interface Scorecard {
  reported: number;
  closed: number;
  parts: Record<AssessmentPart, Ratio>;
}

export type AssessmentFacts = Pick<
  CaseProperties,
  'channel' | 'closedAt' | 'dueAt' | 'resolvedAtLevel' | 'satisfaction'
> & { gridId: string | null };

const ratio = (): Ratio => ({ numerator: 0, denominator: 0 });
export const emptyScorecard = (): Scorecard => ({
  reported: 0,
  closed: 0,
  parts: { patrolShare: ratio(), settledInGrid: ratio(), onTime: ratio(), satisfaction: ratio() },
});

/** Add one case to a card (mutates it). */
export function countCase(card: Scorecard, facts: AssessmentFacts): void {
  const { parts } = card;
  card.reported += 1;
  parts.patrolShare.denominator += 1;
  if (facts.channel === 'patrol') parts.patrolShare.numerator += 1;
  if (facts.closedAt === null) return;
  card.closed += 1;
  parts.onTime.denominator += 1;
  if (Date.parse(facts.closedAt) <= Date.parse(facts.dueAt)) parts.onTime.numerator += 1;
  if (facts.resolvedAtLevel !== null) {
    parts.settledInGrid.denominator += 1;
    if (facts.resolvedAtLevel === 'grid') parts.settledInGrid.numerator += 1;
  }
  if (facts.satisfaction !== null) {
    parts.satisfaction.denominator += 1;
    if (facts.satisfaction !== 'dissatisfied') parts.satisfaction.numerator += 1;
  }
}

/** Each grid's card from the window's cases; a case outside every grid counts for none. */
export function gridScorecards(cases: Iterable<AssessmentFacts>): Map<string, Scorecard> {
  const cards = new Map<string, Scorecard>();
  for (const facts of cases) {
    if (facts.gridId === null) continue;
    let card = cards.get(facts.gridId);
    if (!card) cards.set(facts.gridId, (card = emptyScorecard()));
    countCase(card, facts);
  }
  return cards;
}

export function sumScorecards(cards: Iterable<Scorecard>): Scorecard {
  const total = emptyScorecard();
  for (const card of cards) {
    total.reported += card.reported;
    total.closed += card.closed;
    for (const part of assessmentParts) {
      total.parts[part].numerator += card.parts[part].numerator;
      total.parts[part].denominator += card.parts[part].denominator;
    }
  }
  return total;
}

/**
 * The weighted score, 0–100: Σ weight × rate ÷ Σ weight over the parts that have data, so a grid with no rated
 * case is scored on the rest rather than given 0 % satisfaction. Null when no weighted part has data.
 */
export function scoreOf(card: Scorecard, weights: AssessmentWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const part of assessmentParts) {
    const rate = rateOf(card.parts[part]);
    if (rate === null || weights[part] <= 0) continue;
    sum += weights[part] * rate;
    weight += weights[part];
  }
  return weight === 0 ? null : (100 * sum) / weight;
}

export interface AssessmentRow<Id extends string = string> {
  id: Id;
  card: Scorecard;
  score: number;
  rank: number;
}

/**
 * The ranking: highest score first, ties to the more closed cases, then the given order. One with fewer than
 * `minimumCases` closed cases is left out and counted (as the unit and department rankings do), so a grid with one
 * case closed on time does not top the table.
 */
export function rankScorecards<Id extends string>(
  cards: readonly { id: Id; card: Scorecard }[],
  weights: AssessmentWeights,
  minimumCases: number,
): { rows: AssessmentRow<Id>[]; excluded: number } {
  const eligible: { id: Id; card: Scorecard; score: number; order: number }[] = [];
  let excluded = 0;
  cards.forEach(({ id, card }, order) => {
    const score = scoreOf(card, weights);
    if (score === null || card.closed < minimumCases) excluded += 1;
    else eligible.push({ id, card, score, order });
  });
  eligible.sort((a, b) => b.score - a.score || b.card.closed - a.card.closed || a.order - b.order);
  return {
    rows: eligible.map(({ id, card, score }, index) => ({ id, card, score, rank: index + 1 })),
    excluded,
  };
}

/** A worker's card: the sum of the cards of the grids on the worker's roster entry. */
export function workerScorecard(
  gridIds: readonly string[],
  grids: ReadonlyMap<string, Scorecard>,
): Scorecard {
  return sumScorecards(gridIds.flatMap((id) => grids.get(id) ?? []));
}

/**
 * A day's patrol distance in metres: the track's fixes joined in time order. Shown beside a worker's card for the
 * one day the track call answers (`/workers/{id}/track?date=`), not scored: the window's tracks are not read.
 */
export function patrolMetres(points: readonly { position: readonly [number, number] }[]): number {
  let metres = 0;
  for (let index = 1; index < points.length; index++) {
    const [from, to] = [points[index - 1], points[index]];
    if (from && to) metres += metresBetween(from.position, to.position);
  }
  return metres;
}
