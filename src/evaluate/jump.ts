/**
 * The jump method (Sugar & James 2003, "Finding the number of clusters in a
 * dataset: an information-theoretic approach", JASA 98:750–763): the
 * distortion d(k) = W(k) / (n · p), the mean squared distance per dimension
 * of a row to its centroid (their d̂_K with Γ = I, which is what z-scored
 * features give), is raised to the power −Y with Y = p / 2; the number of
 * clusters is the k with the largest jump
 *
 *     J(k) = d(k)^−Y − d(k−1)^−Y,    d(0)^−Y ≡ 0,
 *
 * so k = 1 ("no structure") is a possible answer. For p-dimensional
 * Gaussian clusters d(k)^−p/2 is about linear in k up to the true k and
 * jumps there; below it d(k) is dominated by the between-cluster spread.
 *
 * It needs nothing but the sweep's inertias and the data's total sum of
 * squares, so it costs nothing beyond the sweep. No well-kept JavaScript
 * library implements it, hence this module.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { badEvaluateOption } from "../shared/messages/evaluate.js";

/** One k of the curve: its inertia W(k) (the within-cluster sum of squares). */
export interface InertiaPoint {
  k: number;
  inertia: number;
}

/** What {@link jumpStatistic} needs besides the curve. */
export interface JumpOptions {
  /** Rows n the inertias were computed on. */
  rows: number;
  /** Features p. */
  features: number;
  /** W(1): the sum of squared distances of the rows to their mean. */
  totalSumOfSquares: number;
  /** The transformation power Y. Default p / 2 (Sugar & James' choice). */
  power?: number;
}

/** The jump curve for k = 1..K and the k with the largest jump. */
export interface JumpResult {
  /** 1, then every k of the curve that follows its predecessor without a gap. */
  k: number[];
  /** d(k) = W(k) / (n · p). */
  distortion: number[];
  /** J(k), scaled by the largest d(k)^−Y (which leaves the argmax as it is). */
  jump: number[];
  power: number;
  /** k with the largest jump; 1 means no cluster structure. */
  bestK: number;
}

/**
 * The jump statistic of a sweep's inertia curve.
 *
 * Only k = 2, 3, … that follow one another from k = 1 are used (a jump
 * needs d(k − 1)); a curve starting above k = 2 yields k = 1 alone.
 *
 * @throws SegworkError when rows, features or the total sum of squares is not positive.
 * @example
 * // two tight pairs on a line: W(1) = 101, W(2) = 1, p = 1, n = 4
 * jumpStatistic([{ k: 2, inertia: 1 }, { k: 3, inertia: 0.5 }], { rows: 4, features: 1, totalSumOfSquares: 101 }).bestK; // => 2
 */
export function jumpStatistic(curve: readonly InertiaPoint[], options: JumpOptions): JumpResult {
  const { rows, features, totalSumOfSquares } = options;
  positive("rows", rows);
  positive("features", features);
  positive("totalSumOfSquares", totalSumOfSquares);
  const power = options.power ?? features / 2;
  positive("power", power);

  const byK = new Map(curve.map((p) => [p.k, p.inertia]));
  const ks = [1];
  const inertias = [totalSumOfSquares];
  for (let k = 2; byK.has(k); k++) {
    ks.push(k);
    inertias.push(Math.max(0, byK.get(k)!));
  }
  const distortion = inertias.map((w) => w / (rows * features));
  // d^−Y overflows for many features and small d: work with
  // d^−Y / d_min^−Y = exp(−Y (ln d − ln d_min)), which keeps the argmax.
  const logD = distortion.map((d) => Math.log(d));
  const logMin = Math.min(...logD);
  const transformed = logD.map((l) =>
    logMin === -Infinity ? (l === -Infinity ? 1 : 0) : Math.exp(-power * (l - logMin)),
  );
  const jump = transformed.map((t, i) => t - (i === 0 ? 0 : transformed[i - 1]!));
  let best = 0;
  for (let i = 1; i < jump.length; i++) if (jump[i]! > jump[best]!) best = i;
  return { k: ks, distortion, jump, power, bestK: ks[best]! };
}

/**
 * The jump method on a sweep of `matrix`: W(1) from the data, W(k) from the
 * sweep's inertias. undefined when the sweep does not start at k = 2 (the
 * first jump needs W(1)) or every row is the same.
 *
 * @example
 * sweepJump(prepared.scaled, sweep.rows)?.bestK; // => e.g. 4
 */
export function sweepJump(
  matrix: DenseMatrix,
  curve: readonly InertiaPoint[],
): JumpResult | undefined {
  if (!curve.some((p) => p.k === 2)) return undefined;
  const totalSumOfSquares = sumOfSquaresAroundMean(matrix);
  if (!(totalSumOfSquares > 0)) return undefined;
  return jumpStatistic(curve, { rows: matrix.rows, features: matrix.cols, totalSumOfSquares });
}

/**
 * W(1): the sum of squared distances of the rows to their column means.
 *
 * @example
 * sumOfSquaresAroundMean(fromRows([[0], [2]])); // => 2
 */
export function sumOfSquaresAroundMean(m: DenseMatrix): number {
  const means = new Float64Array(m.cols);
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) means[c]! += m.data[r * m.cols + c]!;
  }
  for (let c = 0; c < m.cols; c++) means[c]! /= m.rows;
  let total = 0;
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) total += (m.data[r * m.cols + c]! - means[c]!) ** 2;
  }
  return total;
}

function positive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw badEvaluateOption("jump", name, String(value), "a finite number > 0");
  }
}
