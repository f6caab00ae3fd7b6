/**
 * Davies–Bouldin index (Davies & Bouldin 1979), as scikit-learn's
 * `davies_bouldin_score`.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { clusterSizes } from "./cluster-labels.js";

/** scikit-learn tests "all close to 0" with `np.allclose(a, 0)`: |a| ≤ atol = 1e-8. */
const ALLCLOSE_ZERO = 1e-8;

/**
 * DB = (1/q) Σ_c max_{c'≠c} (s_c + s_c') / ‖μ_c − μ_c'‖, over the q non-empty
 * clusters, where s_c is the mean Euclidean distance of cluster c's rows to
 * its centroid μ_c. Lower is better; 0 is the minimum.
 *
 * Edge cases follow scikit-learn exactly: the index is 0 when every s_c is
 * (within 1e-8 of) 0 or every centroid distance is (within 1e-8 of) 0; a pair
 * of distinct clusters whose centroids coincide exactly is left out of the
 * maximum (its distance counts as infinite).
 *
 * Two passes over the rows (centroids, then distances to them); O(k·d + k²)
 * memory.
 *
 * @throws SegworkError when labels do not match the rows, a label is outside
 *   0..k−1, or fewer than 2 or more than n−1 clusters are non-empty.
 * @example
 * // 1-D points 0, 2 | 10, 12: s = 1 and 1, centroid distance 10
 * // DB = mean((1+1)/10, (1+1)/10) = 0.2
 * daviesBouldin(fromRows([[0], [2], [10], [12]]), Int32Array.from([0, 0, 1, 1]), 2); // => 0.2
 */
export function daviesBouldin(m: DenseMatrix, labels: Int32Array, k: number): number {
  const n = m.rows;
  const d = m.cols;
  const { sizes } = clusterSizes(labels, k, n, "Davies–Bouldin");
  const centroids = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const centre = labels[i]! * d;
    for (let f = 0; f < d; f++) centroids[centre + f]! += m.data[i * d + f]!;
  }
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) continue;
    for (let f = 0; f < d; f++) centroids[c * d + f]! /= sizes[c]!;
  }
  const spread = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    spread[c]! += distance(m.data, i * d, centroids, c * d, d);
  }
  const used: number[] = [];
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) continue;
    spread[c]! /= sizes[c]!;
    used.push(c);
  }
  const q = used.length;
  const separation = new Float64Array(q * q);
  let allSpreadZero = true;
  let allSeparationZero = true;
  for (let a = 0; a < q; a++) {
    if (Math.abs(spread[used[a]!]!) > ALLCLOSE_ZERO) allSpreadZero = false;
    for (let b = 0; b < q; b++) {
      const dist = a === b ? 0 : distance(centroids, used[a]! * d, centroids, used[b]! * d, d);
      separation[a * q + b] = dist;
      if (dist > ALLCLOSE_ZERO) allSeparationZero = false;
    }
  }
  if (allSpreadZero || allSeparationZero) return 0;
  let total = 0;
  for (let a = 0; a < q; a++) {
    let worst = -Infinity;
    for (let b = 0; b < q; b++) {
      const dist = separation[a * q + b]!;
      // sklearn sets zero distances (the diagonal and coincident centroids) to inf
      const ratio = dist === 0 ? 0 : (spread[used[a]!]! + spread[used[b]!]!) / dist;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / q;
}

function distance(x: Float64Array, i: number, y: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let f = 0; f < d; f++) {
    const t = x[i + f]! - y[j + f]!;
    s += t * t;
  }
  return Math.sqrt(s);
}
