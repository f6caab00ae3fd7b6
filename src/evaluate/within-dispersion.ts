/**
 * W(k), the pooled within-cluster dispersion of the gap statistic, exactly as
 * R's `cluster::clusGap` (2.1.4) computes it:
 *
 *     W = ½ · Σ_r  Σ_{i<j ∈ r} d(x_i, x_j)^p / n_r
 *
 * with d the Euclidean distance and p = `d.power`. (Tibshirani, Walther &
 * Hastie 2001 write D_r/(2 n_r) with D_r over ordered pairs, which is twice
 * this; the constant cancels in the gap.)
 *
 * For p = 2 the pair sum of a cluster is n_r times its sum of squares about
 * the mean, so W is half the K-Means inertia: O(n·d), taken that way. For any
 * other p the sums are exact over all within-cluster pairs, O(n²) distances
 * for the whole set of labelings together: the pairs are visited tile by tile
 * (the distance tiles of `silhouette-sums.ts`), and each labeling adds up
 * only the pairs whose two rows share a cluster, found from each block's rows
 * listed cluster by cluster.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import {
  distanceTile,
  membersByCluster,
  padColumns,
  paddedWidth,
  TILE,
  type Labeling,
} from "./silhouette-sums.js";

/**
 * R's W(k) for each labeling of the rows of `m`: ½ Σ_r Σ_{i<j∈r} ‖x_i − x_j‖^p / n_r.
 * Labels must be integers in 0..k−1, one per row (not checked: the gap
 * statistic builds them); empty clusters add nothing. A labeling with k = 1
 * is the whole data as one cluster.
 *
 * Cost: for `dPower` = 2, one pass over the rows per labeling; otherwise
 * n(n−1)/2 distances for all labelings together plus one add per
 * within-cluster pair and labeling; memory one 128 × 128 tile and n indices
 * per labeling.
 *
 * @param dPower p > 0, R's `d.power` (1 in R; 2 is Tibshirani et al.'s).
 * @example
 * // 1-D rows 0, 1, 3 in one cluster: pairs 1, 3, 2 → ½ · 6 / 3 = 1
 * withinDispersion(fromRows([[0], [1], [3]]), [{ labels: Int32Array.of(0, 0, 0), k: 1 }], 1);
 * // => Float64Array [1]
 */
export function withinDispersion(
  m: DenseMatrix,
  labelings: readonly Labeling[],
  dPower: number,
): Float64Array {
  if (dPower === 2) return Float64Array.from(labelings, (l) => halfSumOfSquares(m, l));
  const totals = labelings.map(({ k }) => new Float64Array(k));
  const sizes = labelings.map(({ labels, k }) => {
    const counts = new Float64Array(k);
    for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
    return counts;
  });
  pairSumsWithinClusters(m, labelings, dPower, totals);
  return Float64Array.from(labelings, ({ k }, l) => {
    let w = 0;
    for (let c = 0; c < k; c++) if (sizes[l]![c]! > 0) w += totals[l]![c]! / sizes[l]![c]!;
    return 0.5 * w;
  });
}

/**
 * ½ Σ_r Σ_{i∈r} ‖x_i − μ_r‖²: the p = 2 case, since Σ_{i<j∈r} ‖x_i − x_j‖² = n_r Σ_{i∈r} ‖x_i − μ_r‖².
 * Two passes (means, then deviations), which keeps the cancellation of Σx² − nμ² out.
 */
function halfSumOfSquares(m: DenseMatrix, { labels, k }: Labeling): number {
  const d = m.cols;
  const means = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < m.rows; i++) {
    const c = labels[i]!;
    counts[c]!++;
    for (let f = 0; f < d; f++) means[c * d + f]! += m.data[i * d + f]!;
  }
  for (let c = 0; c < k; c++) {
    if (counts[c]! > 0) for (let f = 0; f < d; f++) means[c * d + f]! /= counts[c]!;
  }
  let total = 0;
  for (let i = 0; i < m.rows; i++) {
    const c = labels[i]!;
    for (let f = 0; f < d; f++) {
      const t = m.data[i * d + f]! - means[c * d + f]!;
      total += t * t;
    }
  }
  return 0.5 * total;
}

/**
 * totals[l][c] += Σ_{i<j, both in cluster c of labeling l} ‖x_i − x_j‖^p, over
 * all pairs, tile by tile. Each (tile, cluster) partial sum is formed locally
 * and then added, which keeps the rounding of 10⁸-term sums near 1e-13.
 */
function pairSumsWithinClusters(
  m: DenseMatrix,
  labelings: readonly Labeling[],
  dPower: number,
  totals: Float64Array[],
): void {
  const n = m.rows;
  const width = paddedWidth(m.cols);
  const x = padColumns(m, width);
  const members = labelings.map(({ labels, k }) => membersByCluster(labels, k));
  const tile = new Float64Array(TILE * TILE);
  for (let a0 = 0; a0 < n; a0 += TILE) {
    const a1 = Math.min(n, a0 + TILE);
    const blockA = a0 / TILE;
    for (let b0 = a0; b0 < n; b0 += TILE) {
      const b1 = Math.min(n, b0 + TILE);
      const blockB = b0 / TILE;
      distanceTile(x, width, a0, a1, b0, b1, tile);
      if (dPower !== 1) powerTile(tile, a1 - a0, b1 - b0, dPower);
      for (let l = 0; l < labelings.length; l++) {
        const k = labelings[l]!.k;
        const { order, starts } = members[l]!;
        const total = totals[l]!;
        for (let c = 0; c < k; c++) {
          const aStart = starts[blockA * (k + 1) + c]!;
          const aEnd = starts[blockA * (k + 1) + c + 1]!;
          if (aStart === aEnd) continue;
          const bStart = starts[blockB * (k + 1) + c]!;
          const bEnd = starts[blockB * (k + 1) + c + 1]!;
          if (bStart === bEnd) continue;
          total[c]! +=
            blockA === blockB
              ? sumUpperPairs(tile, order, aStart, aEnd)
              : sumBlockPairs(tile, order, aStart, aEnd, bStart, bEnd);
        }
      }
    }
  }
}

/** Σ tile[a][b] over the members a of one block and b of another (offsets within their blocks). */
function sumBlockPairs(
  tile: Float64Array,
  order: Int32Array,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
): number {
  let sum = 0;
  let q = aStart;
  // Four rows share each member's index load.
  for (; q + 4 <= aEnd; q += 4) {
    const t0 = order[q]! * TILE;
    const t1 = order[q + 1]! * TILE;
    const t2 = order[q + 2]! * TILE;
    const t3 = order[q + 3]! * TILE;
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    for (let r = bStart; r < bEnd; r++) {
      const b = order[r]!;
      u0 += tile[t0 + b]!;
      u1 += tile[t1 + b]!;
      u2 += tile[t2 + b]!;
      u3 += tile[t3 + b]!;
    }
    sum += u0 + u1 + u2 + u3;
  }
  for (; q < aEnd; q++) {
    const t = order[q]! * TILE;
    let u = 0;
    for (let r = bStart; r < bEnd; r++) u += tile[t + order[r]!]!;
    sum += u;
  }
  return sum;
}

/** Σ tile[a][b] over pairs of members a before b of the same block (a diagonal tile). */
function sumUpperPairs(tile: Float64Array, order: Int32Array, start: number, end: number): number {
  let sum = 0;
  for (let q = start; q < end; q++) {
    const t = order[q]! * TILE;
    let u = 0;
    for (let r = q + 1; r < end; r++) u += tile[t + order[r]!]!;
    sum += u;
  }
  return sum;
}

/** Raises the used part of a distance tile to the power p. */
function powerTile(tile: Float64Array, rows: number, cols: number, p: number): void {
  for (let a = 0; a < rows; a++) {
    for (let b = 0; b < cols; b++) tile[a * TILE + b] = tile[a * TILE + b]! ** p;
  }
}
