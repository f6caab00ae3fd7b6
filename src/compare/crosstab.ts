import * as messages from "../shared/messages/compare.js";
import { orderLabels } from "./order.js";
import type { Crosstab, Disagreement, DominantMatch, LabelOrderOptions } from "./types.js";

/** Crosstabs with more cells than this are refused: they cannot be read anyway. */
export const MAX_CROSSTAB_CELLS = 1_000_000;

/** Example ids kept per disagreement cell. */
export const DISAGREEMENT_EXAMPLES = 5;

/**
 * The crosstab of A labels (rows) by B labels (columns) of matched clients.
 * Rows and columns are in the given order (`rowOrder`, `colOrder`) followed by
 * the remaining labels in natural order ("2" before "10"). Each A label's
 * dominant B label is the column holding most of its clients (ties: the
 * first column), and its purity is that share; the same the other way.
 * Disagreements are the non-empty cells off A's dominant mapping, largest
 * first (ties: row order, then column order), each with up to 5 raw ids in
 * matched order.
 *
 * @throws SegworkError `compare.too-many-cells` above {@link MAX_CROSSTAB_CELLS} cells.
 * @throws RangeError when `a`, `b` and `ids` differ in length.
 * @example
 * const t = crosstab({ ids: ["1", "2", "3"], a: ["x", "x", "y"], b: ["p", "q", "q"] });
 * // t.counts => [[1, 1], [0, 1]]; t.aToB[0] => { label: "x", size: 2, dominant: "p", count: 1, purity: 0.5 }
 * // t.disagreements => [{ aLabel: "x", bLabel: "q", expectedB: "p", count: 1, shareOfA: 0.5, exampleIds: ["2"] }]
 */
export function crosstab(
  matched: { ids: readonly string[]; a: readonly string[]; b: readonly string[] },
  options: LabelOrderOptions = {},
): Crosstab {
  const { ids, a, b } = matched;
  if (a.length !== ids.length || b.length !== ids.length) {
    throw new RangeError(`${ids.length} ids, ${a.length} A labels, ${b.length} B labels`);
  }
  const rowLabels = orderLabels(a, options.rowOrder);
  const colLabels = orderLabels(b, options.colOrder);
  const nRows = rowLabels.length;
  const nCols = colLabels.length;
  if (nRows * nCols > MAX_CROSSTAB_CELLS)
    throw messages.tooManyCells(nRows, nCols, MAX_CROSSTAB_CELLS);
  const rowIndex = new Map(rowLabels.map((label, i) => [label, i]));
  const colIndex = new Map(colLabels.map((label, j) => [label, j]));
  const rowOf = Int32Array.from(a, (label) => rowIndex.get(label)!);
  const colOf = Int32Array.from(b, (label) => colIndex.get(label)!);

  const counts = Array.from({ length: nRows }, () => new Array<number>(nCols).fill(0));
  for (let i = 0; i < ids.length; i++) counts[rowOf[i]!]![colOf[i]!]!++;
  const rowTotals = counts.map((row) => row.reduce((s, c) => s + c, 0));
  const colTotals = colLabels.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  const total = ids.length;
  const rowShares = counts.map((row, i) => row.map((c) => c / rowTotals[i]!));
  const colShares = counts.map((row) => row.map((c, j) => c / colTotals[j]!));

  const aToB: DominantMatch[] = rowLabels.map((label, i) => {
    const j = argMax(counts[i]!);
    const count = counts[i]![j]!;
    return {
      label,
      size: rowTotals[i]!,
      dominant: colLabels[j]!,
      count,
      purity: count / rowTotals[i]!,
    };
  });
  const bToA: DominantMatch[] = colLabels.map((label, j) => {
    const i = argMax(counts.map((row) => row[j]!));
    const count = counts[i]![j]!;
    return {
      label,
      size: colTotals[j]!,
      dominant: rowLabels[i]!,
      count,
      purity: count / colTotals[j]!,
    };
  });

  const dominantCol = aToB.map((m) => colIndex.get(m.dominant)!);
  const examples = new Map<number, string[]>();
  for (let i = 0; i < ids.length; i++) {
    const r = rowOf[i]!;
    const c = colOf[i]!;
    if (c === dominantCol[r]) continue;
    const key = r * nCols + c;
    const list = examples.get(key) ?? [];
    if (list.length < DISAGREEMENT_EXAMPLES) list.push(ids[i]!);
    examples.set(key, list);
  }
  const disagreements: Disagreement[] = [];
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (c === dominantCol[r] || counts[r]![c]! === 0) continue;
      disagreements.push({
        aLabel: rowLabels[r]!,
        bLabel: colLabels[c]!,
        expectedB: colLabels[dominantCol[r]!]!,
        count: counts[r]![c]!,
        shareOfA: counts[r]![c]! / rowTotals[r]!,
        exampleIds: examples.get(r * nCols + c) ?? [],
      });
    }
  }
  // Stable sort: equal counts keep row-then-column order.
  disagreements.sort((x, y) => y.count - x.count);

  return {
    rowLabels,
    colLabels,
    counts,
    rowTotals,
    colTotals,
    total,
    rowShares,
    colShares,
    aToB,
    bToA,
    disagreements,
  };
}

/** Index of the largest value; ties go to the first. */
function argMax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}
