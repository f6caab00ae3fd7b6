import type { Contingency } from "./types.js";

/** Above this many possible cells the table is built by sorting cell keys instead of a dense array. */
export const DENSE_CELL_LIMIT = 1 << 22;

/**
 * The sparse contingency table of two labelings of the same n clients
 * (scikit-learn's `contingency_matrix(a, b, sparse=True)`, up to the order of
 * labels, which no index depends on). Labels are compared by value
 * (`1` and `"1"` are different labels); codes follow first appearance.
 * Runs in O(n) when rows × columns ≤ `denseCellLimit` (a dense count array)
 * and in O(n log n) otherwise (sorted cell keys).
 *
 * @param denseCellLimit Largest rows × columns counted densely (default {@link DENSE_CELL_LIMIT}; tests lower it).
 * @throws RangeError when the two labelings differ in length.
 * @example
 * const t = contingencyTable(["x", "x", "y"], [1, 2, 2]);
 * // t.rowLabels => ["x", "y"]; t.colLabels => [1, 2]; t.total => 3
 * // cells (row, col, count): (0,0,1) (0,1,1) (1,1,1)
 */
export function contingencyTable(
  a: ArrayLike<string | number>,
  b: ArrayLike<string | number>,
  denseCellLimit = DENSE_CELL_LIMIT,
): Contingency {
  if (a.length !== b.length) {
    throw new RangeError(`labelings differ in length: ${a.length} and ${b.length}`);
  }
  const n = a.length;
  const rows = encode(a);
  const cols = encode(b);
  const nRows = rows.labels.length;
  const nCols = cols.labels.length;
  const rowSums = new Float64Array(nRows);
  const colSums = new Float64Array(nCols);
  for (let i = 0; i < n; i++) {
    rowSums[rows.codes[i]!]!++;
    colSums[cols.codes[i]!]!++;
  }
  if (nRows * nCols <= denseCellLimit) {
    const dense = new Float64Array(nRows * nCols);
    for (let i = 0; i < n; i++) dense[rows.codes[i]! * nCols + cols.codes[i]!]!++;
    let cells = 0;
    for (let k = 0; k < dense.length; k++) if (dense[k]! !== 0) cells++;
    const table = emptyCells(cells);
    let c = 0;
    for (let k = 0; k < dense.length; k++) {
      if (dense[k]! === 0) continue;
      table.cellRow[c] = Math.floor(k / nCols);
      table.cellCol[c] = k % nCols;
      table.cellCount[c++] = dense[k]!;
    }
    return { rowLabels: rows.labels, colLabels: cols.labels, rowSums, colSums, ...table, total: n };
  }
  // Keys row*nCols+col stay below 2^53 for any n a machine can hold; sorting
  // them groups each cell's clients into one run.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rows.codes[i]! * nCols + cols.codes[i]!;
  keys.sort();
  const table = emptyCells(n);
  let c = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && keys[end] === keys[start]) end++;
    const key = keys[start]!;
    const row = Math.floor(key / nCols);
    table.cellRow[c] = row;
    table.cellCol[c] = key - row * nCols;
    table.cellCount[c++] = end - start;
    start = end;
  }
  return {
    rowLabels: rows.labels,
    colLabels: cols.labels,
    rowSums,
    colSums,
    cellRow: table.cellRow.slice(0, c),
    cellCol: table.cellCol.slice(0, c),
    cellCount: table.cellCount.slice(0, c),
    total: n,
  };
}

function emptyCells(size: number): {
  cellRow: Int32Array;
  cellCol: Int32Array;
  cellCount: Float64Array;
} {
  return {
    cellRow: new Int32Array(size),
    cellCol: new Int32Array(size),
    cellCount: new Float64Array(size),
  };
}

function encode(values: ArrayLike<string | number>): {
  codes: Int32Array;
  labels: (string | number)[];
} {
  const index = new Map<string | number, number>();
  const labels: (string | number)[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let code = index.get(value);
    if (code === undefined) {
      code = labels.length;
      index.set(value, code);
      labels.push(value);
    }
    codes[i] = code;
  }
  return { codes, labels };
}
