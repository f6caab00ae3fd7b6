/**
 * Calinski–Harabasz index (Caliński & Harabasz 1974, the variance ratio
 * criterion), as scikit-learn's `calinski_harabasz_score`.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { clusterSizes } from "./cluster-labels.js";

/**
 * CH = [B / (q − 1)] / [W / (n − q)], where q is the number of non-empty
 * clusters, B = Σ_c n_c ‖μ_c − μ‖² the between-cluster dispersion and
 * W = Σ_c Σ_{i∈c} ‖x_i − μ_c‖² the within-cluster dispersion. Higher is
 * better. When W = 0 (every row on its centroid) the index is 1.0, as in
 * scikit-learn. Empty clusters are ignored.
 *
 * One pass over the rows: per-cluster means and squared deviations are
 * accumulated with Welford's update, which avoids the cancellation of
 * Σx² − n·μ² on unscaled data.
 *
 * @throws SegworkError when labels do not match the rows, a label is outside
 *   0..k−1, or fewer than 2 or more than n−1 clusters are non-empty.
 * @example
 * // 1-D points 0, 2 | 10, 12: B = 2·5² + 2·5² = 100, W = 1+1+1+1 = 4
 * // CH = (100 / 1) / (4 / 2) = 50
 * calinskiHarabasz(fromRows([[0], [2], [10], [12]]), Int32Array.from([0, 0, 1, 1]), 2); // => 50
 */
export function calinskiHarabasz(m: DenseMatrix, labels: Int32Array, k: number): number {
  const n = m.rows;
  const d = m.cols;
  const { sizes, nonEmpty } = clusterSizes(labels, k, n, "Calinski–Harabasz");
  const means = new Float64Array(k * d);
  const counts = new Float64Array(k);
  let within = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    const count = (counts[c]! += 1);
    const row = i * d;
    const centre = c * d;
    for (let f = 0; f < d; f++) {
      const x = m.data[row + f]!;
      const before = means[centre + f]!;
      const after = before + (x - before) / count;
      means[centre + f] = after;
      within += (x - before) * (x - after);
    }
  }
  const grand = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const share = sizes[c]! / n;
    for (let f = 0; f < d; f++) grand[f]! += share * means[c * d + f]!;
  }
  let between = 0;
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) continue;
    let squared = 0;
    for (let f = 0; f < d; f++) {
      const t = means[c * d + f]! - grand[f]!;
      squared += t * t;
    }
    between += sizes[c]! * squared;
  }
  if (within === 0) return 1.0;
  return (between * (n - nonEmpty)) / (within * (nonEmpty - 1));
}
