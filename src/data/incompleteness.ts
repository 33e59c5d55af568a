/**
 * A read the source could not give whole: some one-second spans came back at the server's cap (Open311's
 * `maxRequestsPerCall`) even after splitting, so those seconds hold at least `cap` requests each and maybe more.
 * It rides on the answer it qualifies — the cases, and the indicators computed from them — so every figure read
 * from such an answer can say it is a lower bound.
 */
export interface Incompleteness {
  cap: number;
  cappedCalls: number;
}

export interface MaybeIncomplete {
  incomplete?: Incompleteness;
}

/** The answer's incompleteness, if it carries one (any layer's answer may be asked). */
export function incompletenessOf(answer: unknown): Incompleteness | undefined {
  if (typeof answer !== 'object' || answer === null || !('incomplete' in answer)) return undefined;
  const { incomplete } = answer;
  if (typeof incomplete !== 'object' || incomplete === null) return undefined;
  const { cap, cappedCalls } = incomplete as Partial<Incompleteness>;
  return typeof cap === 'number' && typeof cappedCalls === 'number' ? { cap, cappedCalls } : undefined;
}
