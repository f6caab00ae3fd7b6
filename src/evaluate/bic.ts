/**
 * The BIC of K-Means fits read as spherical Gaussian mixtures, as X-means
 * does (Pelleg & Moore 2000, "X-means: extending K-means with efficient
 * estimation of the number of clusters", ICML): the fit at k is a mixture of
 * k Gaussians with mixing weights n_j / n, means at the centroids and one
 * shared variance per dimension,
 *
 *     σ² = W(k) / (d · (n − k)),
 *
 * whose log-likelihood on the hard assignment is
 *
 *     log L = Σ_j n_j ln(n_j / n) − (n·d / 2) ln(2π σ²) − d (n − k) / 2,
 *
 * with p = (k − 1) + k·d + 1 free parameters and BIC = log L − (p / 2) ln n
 * (larger is better). The variance is per dimension — the paper's printed
 * formula omits the d, a known erratum that makes the penalty too weak for
 * d > 1. k = 1 (one Gaussian: "no structure") is a possible answer.
 *
 * It needs only the sweep's inertias, the fits' cluster sizes and W(1), so it
 * costs nothing beyond the sweep.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { meanAbsoluteSkewness } from "./cluster-skewness.js";
import { sumOfSquaresAroundMean } from "./jump.js";

/** One fit: its cluster sizes and its inertia W(k). */
export interface FitSpread {
  sizes: readonly number[];
  inertia: number;
}

/** The BIC of one fit with the parts it is made of. */
export interface FitBic {
  logLikelihood: number;
  parameters: number;
  /** log L − (p / 2) ln n; −Infinity when the fit has no spread or n ≤ k. */
  bic: number;
}

/**
 * The BIC of one K-Means fit in `features` dimensions (see the module's formula).
 *
 * @example
 * // rows 0, 2, 10, 12 in one dimension, k = 2: sizes 2 and 2, W = 4, σ² = 2
 * kmeansBic({ sizes: [2, 2], inertia: 4 }, 1).bic; // => 4·ln ½ − 2·ln 4π − 1 − 2·ln 4 ≈ −11.607
 */
export function kmeansBic(fit: FitSpread, features: number): FitBic {
  const k = fit.sizes.length;
  const n = fit.sizes.reduce((a, b) => a + b, 0);
  const d = features;
  const parameters = k - 1 + k * d + 1;
  const variance = fit.inertia / (d * (n - k));
  if (!(n > k) || !(variance > 0) || !Number.isFinite(variance)) {
    return { logLikelihood: Number.NaN, parameters, bic: Number.NEGATIVE_INFINITY };
  }
  let logLikelihood = 0;
  // An empty cluster adds nothing (n_j ln n_j → 0).
  for (const nj of fit.sizes) if (nj > 0) logLikelihood += nj * Math.log(nj / n);
  logLikelihood -= ((n * d) / 2) * Math.log(2 * Math.PI * variance) + (d * (n - k)) / 2;
  return { logLikelihood, parameters, bic: logLikelihood - (parameters / 2) * Math.log(n) };
}

/** The BIC curve over k = 1..K and the k where it is highest. */
export interface BicResult {
  /** 1, then every k of the sweep that follows its predecessor without a gap. */
  k: number[];
  bic: number[];
  /** k with the highest BIC (the smaller on a tie); 1 means no cluster structure. */
  bestK: number;
  /**
   * Mean absolute skewness of the clusters of the fit at `bestK`
   * (`cluster-skewness.ts`), when bestK ≥ 2 and that fit's centroids were given:
   * how far the clusters the BIC prefers are from the Gaussians it assumes.
   */
  skewness?: number;
}

/**
 * The BIC curve of a sweep's fits, k = 1 included (one cluster of every
 * row, W(1) = `totalSumOfSquares`). Only k = 2, 3, … that follow one another
 * from k = 1 are used, like the jump method's curve.
 *
 * @example
 * bicCurve([{ k: 2, sizes: [2, 2], inertia: 4 }], { features: 1, totalSumOfSquares: 104 }).bestK; // => 2
 */
export function bicCurve(
  fits: readonly (FitSpread & { k: number })[],
  options: { features: number; totalSumOfSquares: number },
): BicResult {
  const byK = new Map(fits.map((f) => [f.k, f]));
  const n = fits[0]?.sizes.reduce((a, b) => a + b, 0) ?? 0;
  const ks = [1];
  const bic = [kmeansBic({ sizes: [n], inertia: options.totalSumOfSquares }, options.features).bic];
  for (let k = 2; byK.has(k); k++) {
    ks.push(k);
    bic.push(kmeansBic(byK.get(k)!, options.features).bic);
  }
  let best = 0;
  for (let i = 1; i < bic.length; i++) if (bic[i]! > bic[best]!) best = i;
  return { k: ks, bic, bestK: ks[best]! };
}

/**
 * Each cluster's row count of a labelling with labels 0..k−1.
 *
 * @example
 * clusterSizes(Int32Array.of(0, 1, 1, 2), 3); // => [1, 2, 1]
 */
export function clusterSizes(labels: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const j of labels) sizes[j]!++;
  return sizes;
}

/**
 * The BIC curve of a sweep of `matrix`: W(1) from the data, each k's sizes
 * from its fit. undefined when the sweep does not start at k = 2 or every
 * row is the same.
 *
 * @example
 * sweepBic(prepared.scaled, sweep.rows, sweep.clusterings)?.bestK; // => e.g. 4
 */
export function sweepBic(
  matrix: DenseMatrix,
  rows: readonly { k: number; inertia: number }[],
  clusterings: ReadonlyMap<number, { labels: Int32Array; centroids?: Float64Array }>,
): BicResult | undefined {
  if (!rows.some((r) => r.k === 2)) return undefined;
  const totalSumOfSquares = sumOfSquaresAroundMean(matrix);
  if (!(totalSumOfSquares > 0)) return undefined;
  const fits = rows.flatMap((r) => {
    const labels = clusterings.get(r.k)?.labels;
    return labels ? [{ k: r.k, inertia: r.inertia, sizes: clusterSizes(labels, r.k) }] : [];
  });
  const curve = bicCurve(fits, { features: matrix.cols, totalSumOfSquares });
  const best = clusterings.get(curve.bestK);
  if (curve.bestK < 2 || !best?.centroids) return curve;
  const skewness = meanAbsoluteSkewness(matrix, best.labels, curve.bestK, best.centroids);
  return Number.isFinite(skewness) ? { ...curve, skewness } : curve;
}
