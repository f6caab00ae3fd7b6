/**
 * Agreement of two integer labelings of the same rows, where some rows may be
 * missing from either (label −1): the adjusted Rand index over the rows both
 * hold, from a dense k × k contingency table, scored by the compare stage's
 * `adjustedRandIndexOf` (scikit-learn's formula and special cases).
 */
import { adjustedRandIndexOf } from "../compare/metrics.js";
import type { Contingency } from "../compare/types.js";

/**
 * ARI of `a` and `b` over the rows where both labels are ≥ 0 (labels in
 * 0..ka−1 and 0..kb−1). 1 for identical partitions of the shared rows (and for
 * no shared rows, scikit-learn's convention for empty labelings).
 *
 * @example
 * adjustedRandOfCodes(Int32Array.of(0, 0, 1, 1, -1), Int32Array.of(1, 1, 0, 0, 0), 2, 2); // => 1
 * adjustedRandOfCodes(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 2), 2, 3); // => 0.5714285714285714
 */
export function adjustedRandOfCodes(a: Int32Array, b: Int32Array, ka: number, kb: number): number {
  const counts = new Float64Array(ka * kb);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x >= 0 && y >= 0) counts[x * kb + y]!++;
  }
  return adjustedRandIndexOf(contingencyOfCounts(counts, ka, kb));
}

/** The compare stage's sparse contingency table from a dense ka × kb count array. */
export function contingencyOfCounts(counts: Float64Array, ka: number, kb: number): Contingency {
  const rowSums = new Float64Array(ka);
  const colSums = new Float64Array(kb);
  let cells = 0;
  let total = 0;
  for (let r = 0; r < ka; r++) {
    for (let c = 0; c < kb; c++) {
      const v = counts[r * kb + c]!;
      if (v === 0) continue;
      rowSums[r]! += v;
      colSums[c]! += v;
      total += v;
      cells++;
    }
  }
  const cellRow = new Int32Array(cells);
  const cellCol = new Int32Array(cells);
  const cellCount = new Float64Array(cells);
  let at = 0;
  for (let r = 0; r < ka; r++) {
    for (let c = 0; c < kb; c++) {
      const v = counts[r * kb + c]!;
      if (v === 0) continue;
      cellRow[at] = r;
      cellCol[at] = c;
      cellCount[at++] = v;
    }
  }
  return {
    rowLabels: Array.from({ length: ka }, (_, i) => i),
    colLabels: Array.from({ length: kb }, (_, i) => i),
    rowSums,
    colSums,
    cellRow,
    cellCol,
    cellCount,
    total,
  };
}
