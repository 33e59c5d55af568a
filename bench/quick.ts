/**
 * `npm run bench -- --quick` (what `npm test` runs): every correctness check, on small data, with one timed run and
 * no warm-up, so that it takes a few minutes and fails on any mismatch. Its speed figures mean little (small data,
 * a noisy CI machine) and are written apart from the full run's (bench/run.ts).
 */
export const quick = process.argv.includes('--quick');

/** The full run's size, or the quick run's. */
export const sized = <T>(full: T, small: T): T => (quick ? small : full);
