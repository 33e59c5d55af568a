/**
 * A memo of a pure function of two objects, keyed by their identity and held weakly. Plans are never mutated and an
 * edit keeps the objects of the grids it did not touch (`applyChangeset`), so after an edit only the results that
 * involve a changed grid are computed again; results for grids no plan holds any more are collected with them.
 */
export function memoByIdentity<A extends object, B extends object, R>(
  compute: (a: A, b: B) => R,
): (a: A, b: B) => R {
  const results = new WeakMap<A, WeakMap<B, R>>();
  return (a, b) => {
    let byB = results.get(a);
    if (!byB) {
      byB = new WeakMap();
      results.set(a, byB);
    }
    if (byB.has(b)) return byB.get(b) as R;
    const result = compute(a, b);
    byB.set(b, result);
    return result;
  };
}
