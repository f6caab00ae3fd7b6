/**
 * How far a clustering's clusters are from symmetric: the mean absolute
 * skewness of each cluster's values about its centroid. The BIC reads a fit
 * as a mixture of Gaussian clusters; skewed clusters (spend within a
 * segment) are not, and more Gaussian pieces always fit them better, so the
 * BIC keeps proposing more clusters. The vote lets the BIC abstain when this
 * is above Bulmer's (1979) line of "approximately symmetric", 0.5.
 */
import type { DenseMatrix } from "../shared/matrix.js";

/** Clusters smaller than this have no skewness worth the name and are left out. */
const MIN_CLUSTER_ROWS = 3;

/**
 * The size-weighted mean, over clusters of at least three rows, of the mean
 * over features of |g₁|, g₁ = m₃ / m₂^{3/2} (population moments of the
 * deviations from the cluster's centroid; features without spread in a
 * cluster are left out). NaN when no cluster qualifies.
 *
 * @param centroids - k × d, row-major (the fit's centroids).
 * @example
 * // one cluster: 0, 0, 0, 3 → deviations −¾, −¾, −¾, 9⁄4: g₁ = 2⁄√3 ≈ 1.155
 * meanAbsoluteSkewness(fromRows([[0], [0], [0], [3]]), Int32Array.of(0, 0, 0, 0), 1, Float64Array.of(0.75));
 */
export function meanAbsoluteSkewness(
  matrix: DenseMatrix,
  labels: Int32Array,
  k: number,
  centroids: Float64Array,
): number {
  const { rows, cols: d, data } = matrix;
  const sizes = new Float64Array(k);
  const second = new Float64Array(k * d);
  const third = new Float64Array(k * d);
  for (let i = 0; i < rows; i++) {
    const j = labels[i]!;
    sizes[j]!++;
    for (let f = 0; f < d; f++) {
      const t = data[i * d + f]! - centroids[j * d + f]!;
      const t2 = t * t;
      second[j * d + f]! += t2;
      third[j * d + f]! += t2 * t;
    }
  }
  return meanAbsoluteSkewnessOfSums(sizes, second, third, d);
}

/**
 * {@link meanAbsoluteSkewness} from the sums it is made of: each cluster's
 * size and, per cluster and feature (k × d, row-major), the sums of squared
 * and of cubed deviations from the centroid — for callers that hold those
 * sums already (the k-recovery benchmark's gathered evidence).
 *
 * @example
 * meanAbsoluteSkewnessOfSums([4], [27 / 4], [81 / 8], 1); // => 2 / √3 ≈ 1.155 (the rows 0, 0, 0, 3)
 */
export function meanAbsoluteSkewnessOfSums(
  sizes: ArrayLike<number>,
  squared: ArrayLike<number>,
  cubed: ArrayLike<number>,
  d: number,
): number {
  let weighted = 0;
  let weight = 0;
  for (let j = 0; j < sizes.length; j++) {
    const n = sizes[j]!;
    if (n < MIN_CLUSTER_ROWS) continue;
    let sum = 0;
    let features = 0;
    for (let f = 0; f < d; f++) {
      const m2 = squared[j * d + f]! / n;
      if (!(m2 > 0)) continue;
      sum += Math.abs(cubed[j * d + f]! / n / m2 ** 1.5);
      features++;
    }
    if (features === 0) continue;
    weighted += (n * sum) / features;
    weight += n;
  }
  return weight > 0 ? weighted / weight : Number.NaN;
}
