import type { SchemaProblem } from './schema-problem';

/** One feature left out of a layer, and why: enough for the notice to name it. */
export interface SkippedFeature {
  /** 1-based position in the source's answer. */
  number: number;
  /** The feature's own id, when it has a readable one. */
  id?: string;
  problem: SchemaProblem;
  /** The field at fault inside the feature, dot-separated. */
  field: string;
  /** A point's coordinates as the source sent them, for the swapped-coordinates check (`screenLayer`). */
  position?: readonly [number, number];
}

/** A layer's answer may carry the features it left out; absent when every feature was valid. */
export interface PartialLayer {
  readonly skipped?: readonly SkippedFeature[];
}
