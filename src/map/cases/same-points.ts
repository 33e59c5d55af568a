import { useState } from 'react';
import type { CasePointColumns } from './case-layers';

/**
 * Whether two point columns hold the same points (positions compared bit for bit; with `stage`, the loop stages
 * too). A million cases compare in a few milliseconds; re-uploading them and recomputing the heat's weights costs
 * far more (seconds on a software GPU).
 */
export function samePoints(a: CasePointColumns, b: CasePointColumns, withStage: boolean): boolean {
  if (a === b) return true;
  if (a.count !== b.count) return false;
  const length = a.count * 2;
  const left = new Uint32Array(a.positions.buffer, a.positions.byteOffset, length);
  const right = new Uint32Array(b.positions.buffer, b.positions.byteOffset, length);
  for (let i = 0; i < length; i += 1) if (left[i] !== right[i]) return false;
  if (!withStage) return true;
  for (let i = 0; i < a.count; i += 1) if (a.stage[i] !== b.stage[i]) return false;
  return true;
}

/**
 * The columns last returned while new ones hold the same points. The cases' view is recomputed on every clock
 * tick (30 s) and every poll, each time with new arrays; a layer given them would see new data and deck.gl would
 * re-upload a million positions and recompute the heat at once, a pause in the middle of a pan.
 */
export function useSamePoints(
  columns: CasePointColumns | undefined,
  withStage: boolean,
): CasePointColumns | undefined {
  const [memo, setMemo] = useState({ seen: columns, kept: columns });
  if (columns === memo.seen) return memo.kept;
  const kept =
    columns !== undefined && memo.kept !== undefined && samePoints(columns, memo.kept, withStage)
      ? memo.kept
      : columns;
  // Remembering what was seen during render (React's "storing information from previous renders").
  setMemo({ seen: columns, kept });
  return kept;
}
