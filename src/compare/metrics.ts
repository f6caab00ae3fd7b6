/**
 * Agreement indices of two labelings, computed from their contingency table
 * exactly as scikit-learn 1.2.1 does (`sklearn/metrics/cluster/_supervised.py`),
 * including its special cases, so the values agree to 1e-9 (in practice to a
 * few ulps). Side A plays `labels_true`, side B `labels_pred`. Logs are natural.
 */
import { contingencyTable } from "./contingency.js";
import type { AgreementScores, Contingency } from "./types.js";

type Labels = ArrayLike<string | number>;

/** Largest n whose pair counts (≤ n²) are exact integers in float64 (n² < 2^53). */
export const MAX_EXACT_N = 94_906_265;

/**
 * The pair confusion matrix of scikit-learn's `pair_confusion_matrix`:
 * counts of ordered pairs of distinct clients that are together or apart in
 * A and in B. `tp`: together in both; `fn`: together in A only; `fp`:
 * together in B only; `tn`: apart in both. The four sum to n(n − 1).
 *
 * @throws RangeError when n > {@link MAX_EXACT_N} (the counts would no longer be exact).
 * @example
 * pairConfusion(contingencyTable([0, 0, 1, 1], [0, 0, 1, 1]));
 * // => { tn: 8, fp: 0, fn: 0, tp: 4 }
 */
export function pairConfusion(table: Contingency): {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
} {
  const n = table.total;
  if (n > MAX_EXACT_N) {
    throw new RangeError(`${n} clients: pair counts above ${MAX_EXACT_N} clients are not exact`);
  }
  let sumSquares = 0;
  let rowDotColSums = 0; // Σ_cells n_ij · n_.j  (sklearn: contingency.dot(n_k).sum())
  let colDotRowSums = 0; // Σ_cells n_ij · n_i.  (sklearn: contingency.T.dot(n_c).sum())
  for (let c = 0; c < table.cellCount.length; c++) {
    const count = table.cellCount[c]!;
    sumSquares += count * count;
    rowDotColSums += count * table.colSums[table.cellCol[c]!]!;
    colDotRowSums += count * table.rowSums[table.cellRow[c]!]!;
  }
  const tp = sumSquares - n;
  const fp = rowDotColSums - sumSquares;
  const fn = colDotRowSums - sumSquares;
  const tn = n * n - fp - fn - sumSquares;
  return { tn, fp, fn, tp };
}

/**
 * Adjusted Rand index (Hubert & Arabie 1985), as scikit-learn's
 * `adjusted_rand_score`: ARI = 2(tp·tn − fn·fp) / ((tp+fn)(fn+tn) + (tp+fp)(fp+tn))
 * over the pair confusion counts, and exactly 1.0 when fn = fp = 0 (identical
 * partitions, one cluster on both sides, all singletons on both sides, or no
 * clients). The products reach n⁴ (10²⁸ for 10M clients), beyond float64's
 * exact range, so they are formed with BigInt and rounded once, as Python's
 * integers are in scikit-learn.
 *
 * @throws RangeError when the labelings differ in length or n > {@link MAX_EXACT_N}.
 * @example
 * adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]); // => 0.5714285714285714
 * adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]); // => -0.5
 */
export function adjustedRandIndex(a: Labels, b: Labels): number {
  return adjustedRandIndexOf(contingencyTable(a, b));
}

/** {@link adjustedRandIndex} from a contingency table already built. */
export function adjustedRandIndexOf(table: Contingency): number {
  const { tn, fp, fn, tp } = pairConfusion(table);
  if (fn === 0 && fp === 0) return 1.0;
  const [TN, FP, FN, TP] = [BigInt(tn), BigInt(fp), BigInt(fn), BigInt(tp)];
  const numerator = TP * TN - FN * FP;
  const denominator = (TP + FN) * (FN + TN) + (TP + FP) * (FP + TN);
  return (2.0 * Number(numerator)) / Number(denominator);
}

/**
 * Shannon entropy (nats) of a labeling given its label counts, as
 * scikit-learn's `entropy`: −Σ p·ln p, with 0 for a single label and 1.0 for
 * no clients (sklearn's convention).
 *
 * @example
 * entropyOfCounts(Float64Array.of(2, 2)); // => Math.log(2)
 */
export function entropyOfCounts(counts: ArrayLike<number>): number {
  let total = 0;
  let nonEmpty = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! > 0) {
      total += counts[i]!;
      nonEmpty++;
    }
  }
  if (counts.length === 0) return 1.0;
  if (nonEmpty === 1) return 0.0;
  const logTotal = Math.log(total);
  const sum = new CompensatedSum();
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0) sum.add((c / total) * (Math.log(c) - logTotal));
  }
  return -sum.value;
}

/**
 * Mutual information (nats) of a contingency table, as scikit-learn's
 * `mutual_info_score`: Σ_ij (n_ij/n)·ln(n·n_ij / (n_i.·n_.j)), 0 when either
 * side has a single label; terms below machine epsilon are zeroed and the
 * total is clipped at 0, as sklearn does.
 *
 * @example
 * mutualInformationOf(contingencyTable([0, 0, 1, 1], [0, 0, 1, 1])); // => Math.log(2)
 */
export function mutualInformationOf(table: Contingency): number {
  if (table.rowSums.length === 1 || table.colSums.length === 1) return 0.0;
  const total = table.total;
  const logTotal = Math.log(total);
  const sum = new CompensatedSum();
  for (let c = 0; c < table.cellCount.length; c++) {
    const count = table.cellCount[c]!;
    const share = count / total;
    const outer = table.rowSums[table.cellRow[c]!]! * table.colSums[table.cellCol[c]!]!;
    const logOuter = -Math.log(outer) + logTotal + logTotal;
    const term = share * (Math.log(count) - logTotal) + share * logOuter;
    sum.add(Math.abs(term) < Number.EPSILON ? 0 : term);
  }
  return Math.max(sum.value, 0);
}

/**
 * Normalized mutual information with the arithmetic mean of the entropies
 * (scikit-learn's `normalized_mutual_info_score`, default
 * `average_method="arithmetic"`): MI / ((H(A) + H(B)) / 2). Special cases as
 * sklearn: 1.0 when both sides have a single label (or there are no clients),
 * 0.0 when MI is 0.
 *
 * @throws RangeError when the labelings differ in length.
 * @example
 * normalizedMutualInfo([0, 0, 1, 1], [1, 1, 0, 0]); // => 1
 */
export function normalizedMutualInfo(a: Labels, b: Labels): number {
  return normalizedMutualInfoOf(contingencyTable(a, b));
}

/** {@link normalizedMutualInfo} from a contingency table already built. */
export function normalizedMutualInfoOf(table: Contingency): number {
  const nRows = table.rowSums.length;
  const nCols = table.colSums.length;
  if ((nRows === 1 && nCols === 1) || (nRows === 0 && nCols === 0)) return 1.0;
  const mi = mutualInformationOf(table);
  if (mi === 0) return 0.0;
  const normalizer = (entropyOfCounts(table.rowSums) + entropyOfCounts(table.colSums)) / 2;
  return mi / normalizer;
}

/**
 * Homogeneity, completeness and V-measure (Rosenberg & Hirschberg 2007), as
 * scikit-learn's `homogeneity_completeness_v_measure` with beta = 1:
 * homogeneity = MI / H(A) (1.0 when H(A) = 0), completeness = MI / H(B)
 * (1.0 when H(B) = 0), V = 2hc / (h + c) (0 when h + c = 0); all 1.0 for no clients.
 *
 * @throws RangeError when the labelings differ in length.
 * @example
 * homogeneityCompletenessVMeasure([0, 0, 1, 1], [0, 0, 0, 0]);
 * // => { homogeneity: 0, completeness: 1, vMeasure: 0 }
 */
export function homogeneityCompletenessVMeasure(
  a: Labels,
  b: Labels,
): { homogeneity: number; completeness: number; vMeasure: number } {
  return homogeneityCompletenessVMeasureOf(contingencyTable(a, b));
}

/** {@link homogeneityCompletenessVMeasure} from a contingency table already built. */
export function homogeneityCompletenessVMeasureOf(table: Contingency): {
  homogeneity: number;
  completeness: number;
  vMeasure: number;
} {
  if (table.total === 0) return { homogeneity: 1.0, completeness: 1.0, vMeasure: 1.0 };
  const entropyA = entropyOfCounts(table.rowSums);
  const entropyB = entropyOfCounts(table.colSums);
  const mi = mutualInformationOf(table);
  const homogeneity = entropyA !== 0 ? mi / entropyA : 1.0;
  const completeness = entropyB !== 0 ? mi / entropyB : 1.0;
  const beta = 1.0;
  const vMeasure =
    homogeneity + completeness === 0.0
      ? 0.0
      : ((1 + beta) * homogeneity * completeness) / (beta * homogeneity + completeness);
  return { homogeneity, completeness, vMeasure };
}

/**
 * All agreement indices of two labelings from one contingency table.
 *
 * @throws RangeError when the labelings differ in length or n > {@link MAX_EXACT_N}.
 * @example
 * agreementScores(["a", "a", "b"], ["x", "x", "y"]).adjustedRandIndex; // => 1
 */
export function agreementScores(a: Labels, b: Labels): AgreementScores {
  return agreementScoresOf(contingencyTable(a, b));
}

/** {@link agreementScores} from a contingency table already built. */
export function agreementScoresOf(table: Contingency): AgreementScores {
  return {
    n: table.total,
    adjustedRandIndex: adjustedRandIndexOf(table),
    normalizedMutualInfo: normalizedMutualInfoOf(table),
    ...homogeneityCompletenessVMeasureOf(table),
  };
}

/**
 * Neumaier's compensated summation: keeps sums of many small terms (100k
 * singleton cells) accurate to about one ulp, close to numpy's pairwise sum.
 */
class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x;
    else this.compensation += x - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
