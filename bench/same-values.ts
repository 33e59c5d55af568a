import { createHash } from 'node:crypto';

/**
 * The benchmarks' "same results" checks compare values, never counts alone (issue 22): two answers are the same
 * when every row of every column is, which these helpers say as a digest of the values or as the first rows that
 * differ.
 */

/** A SHA-256 over a value's contents: typed arrays by their bytes, objects by sorted keys, Maps and Sets in order. */
export function digestOf(value: unknown): string {
  const hash = createHash('sha256');
  feed(hash, value);
  return hash.digest('hex');
}

function feed(hash: ReturnType<typeof createHash>, value: unknown): void {
  if (ArrayBuffer.isView(value)) {
    hash.update(`${value.constructor.name}:${value.byteLength}:`);
    hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (Array.isArray(value)) {
    hash.update(`[${value.length}:`);
    for (const item of value) feed(hash, item);
    hash.update(']');
  } else if (value instanceof Map) {
    hash.update(`Map${value.size}:`);
    for (const [key, item] of value) {
      feed(hash, key);
      feed(hash, item);
    }
  } else if (value instanceof Set) {
    hash.update(`Set${value.size}:`);
    for (const item of value) feed(hash, item);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    hash.update('{');
    for (const key of Object.keys(record).sort()) {
      hash.update(`${JSON.stringify(key)}:`);
      feed(hash, record[key]);
    }
    hash.update('}');
  } else {
    hash.update(`${typeof value}:${String(value)};`);
  }
}

/**
 * Where two sets of columns differ over rows 0 … rows−1: each column named in `expected` is read row by row through
 * `at` on both sides (so a Float32Array and a list of numbers compare by value). Returns up to `limit` descriptions.
 */
export function columnMismatches(
  expected: Readonly<Record<string, (row: number) => unknown>>,
  actual: Readonly<Record<string, (row: number) => unknown>>,
  rows: number,
  limit = 5,
): string[] {
  const found: string[] = [];
  for (const [name, read] of Object.entries(expected)) {
    const other = actual[name];
    if (!other) {
      found.push(`column ${name} missing`);
      continue;
    }
    for (let row = 0; row < rows && found.length < limit; row += 1) {
      const [want, got] = [read(row), other(row)];
      if (!Object.is(want, got)) found.push(`${name}[${row}]: ${String(got)}, expected ${String(want)}`);
    }
  }
  return found;
}
