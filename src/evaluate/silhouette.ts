/**
 * Silhouette coefficient (Rousseeuw 1987) with Euclidean distance, computed as
 * scikit-learn's `silhouette_samples` / `silhouette_score` do
 * (sklearn/metrics/cluster/_unsupervised.py), but without ever holding an n×n
 * distance matrix: each pair distance is added straight into per-row,
 * per-cluster distance sums (n×k numbers).
 */
import { type DenseMatrix, takeRows } from "../shared/matrix.js";
import { Random, sampleIndices } from "../shared/random.js";
import { badSampleSize } from "../shared/messages/evaluate.js";
import { clusterSizes } from "./cluster-labels.js";
import type { SilhouetteResult } from "./types.js";

/** Rows above which {@link silhouetteScore} samples by default (scikit-learn's `sample_size` idea). */
export const DEFAULT_SILHOUETTE_SAMPLE_SIZE = 10_000;

/** Options of {@link silhouetteScore}. */
export interface SilhouetteOptions {
  /**
   * Largest number of rows scored exactly; a larger matrix is scored on a
   * uniform random sample of this many rows. `null` always scores every row.
   * Default 10,000.
   */
  sampleSize?: number | null;
  /** Source of the sample; default `new Random(0)`. Only used when sampling. */
  rng?: Random;
}

/**
 * Silhouette coefficient of every row: s(i) = (b − a) / max(a, b), where a is
 * the mean distance from row i to the other rows of its cluster and b the
 * smallest mean distance from row i to the rows of another non-empty cluster.
 * A row alone in its cluster scores 0, and so does a row with a = b = 0
 * (scikit-learn's `nan_to_num`). Empty clusters are ignored.
 *
 * Cost: n(n−1)/2 distances, O(n·k) memory.
 *
 * @param m Rows to score (finite values).
 * @param labels Cluster of each row, integers in 0..k−1.
 * @param k Number of cluster labels.
 * @throws SegworkError when labels do not match the rows, a label is outside
 *   0..k−1, or fewer than 2 or more than n−1 clusters are non-empty.
 * @example
 * // four points on a line, clusters {0, 1} and {4, 6}
 * silhouetteSamples(fromRows([[0], [1], [4], [6]]), Int32Array.from([0, 0, 1, 1]), 2);
 * // => Float64Array [0.8, 0.75, 0.42857142857142855, 0.6363636363636364]
 */
export function silhouetteSamples(m: DenseMatrix, labels: Int32Array, k: number): Float64Array {
  const n = m.rows;
  const { sizes } = clusterSizes(labels, k, n, "Silhouette");
  const sums = clusterDistanceSums(m, labels, k);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const ownSize = sizes[own]!;
    if (ownSize <= 1) continue; // singleton: 0 by definition
    const base = i * k;
    const a = sums[base + own]! / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      const size = sizes[c]!;
      if (c === own || size === 0) continue;
      const mean = sums[base + c]! / size;
      if (mean < b) b = mean;
    }
    const denominator = Math.max(a, b);
    out[i] = denominator > 0 ? (b - a) / denominator : 0;
  }
  return out;
}

/**
 * Mean silhouette coefficient. Exact when the matrix has at most `sampleSize`
 * rows (default 10,000); otherwise the mean over a uniform random sample of
 * `sampleSize` rows drawn with {@link sampleIndices}, silhouettes computed
 * within the sample — what scikit-learn's `silhouette_score(..., sample_size=)`
 * does, with segwork's seeded generator instead of NumPy's.
 *
 * @throws SegworkError as {@link silhouetteSamples} (checked on the full
 *   labelling first, then on the sample), or when `sampleSize` is not an
 *   integer ≥ 2.
 * @example
 * silhouetteScore(m, labels, 4); // => { score: 0.41…, sampleSize: 4338, exact: true }
 * silhouetteScore(big, labels, 4, { sampleSize: 5000, rng: new Random(7) }); // exact: false
 */
export function silhouetteScore(
  m: DenseMatrix,
  labels: Int32Array,
  k: number,
  options: SilhouetteOptions = {},
): SilhouetteResult {
  const sampleSize =
    options.sampleSize === undefined ? DEFAULT_SILHOUETTE_SAMPLE_SIZE : options.sampleSize;
  if (sampleSize !== null && (!Number.isInteger(sampleSize) || sampleSize < 2))
    throw badSampleSize(sampleSize);
  clusterSizes(labels, k, m.rows, "Silhouette");
  if (sampleSize === null || m.rows <= sampleSize) {
    return { score: mean(silhouetteSamples(m, labels, k)), sampleSize: m.rows, exact: true };
  }
  const indices = sampleIndices(m.rows, sampleSize, options.rng ?? new Random(0));
  const sampleLabels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) sampleLabels[r] = labels[indices[r]!]!;
  const score = mean(silhouetteSamples(takeRows(m, indices), sampleLabels, k));
  return { score, sampleSize: indices.length, exact: false };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * sums[i·k + c] = Σ over rows j in cluster c of ‖x_i − x_j‖.
 *
 * Each unordered pair is visited once (j > i) and its distance added to both
 * rows; for every row the terms still arrive in ascending j, so the result is
 * the same as a full row-by-row sweep. The kernels are hand-unrolled for
 * widths 2, 4 and 8 (narrower data is zero-padded, which adds exact zeros):
 * V8 keeps the row in registers and the sweep runs about twice as fast as the
 * generic loop. This is the hottest loop of a k sweep after K-Means itself.
 */
function clusterDistanceSums(m: DenseMatrix, labels: Int32Array, k: number): Float64Array {
  const n = m.rows;
  const d = m.cols;
  const sums = new Float64Array(n * k);
  if (d <= 2) sumsWidth2(pad(m, 2), n, labels, k, sums);
  else if (d <= 4) sumsWidth4(pad(m, 4), n, labels, k, sums);
  else if (d <= 8) sumsWidth8(pad(m, 8), n, labels, k, sums);
  else sumsGeneric(m.data, n, d, labels, k, sums);
  return sums;
}

/** Row-major copy with `width` columns, the extra columns zero. */
function pad(m: DenseMatrix, width: number): Float64Array {
  if (m.cols === width) return m.data;
  const out = new Float64Array(m.rows * width);
  for (let i = 0; i < m.rows; i++) {
    for (let f = 0; f < m.cols; f++) out[i * width + f] = m.data[i * m.cols + f]!;
  }
  return out;
}

function sumsWidth2(
  x: Float64Array,
  n: number,
  labels: Int32Array,
  k: number,
  sums: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const base = i * k;
    const a0 = x[2 * i]!;
    const a1 = x[2 * i + 1]!;
    for (let j = i + 1, o = 2 * j; j < n; j++, o += 2) {
      const t0 = a0 - x[o]!;
      const t1 = a1 - x[o + 1]!;
      const dist = Math.sqrt(t0 * t0 + t1 * t1);
      sums[base + labels[j]!]! += dist;
      sums[j * k + own]! += dist;
    }
  }
}

function sumsWidth4(
  x: Float64Array,
  n: number,
  labels: Int32Array,
  k: number,
  sums: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const base = i * k;
    const r = 4 * i;
    const a0 = x[r]!;
    const a1 = x[r + 1]!;
    const a2 = x[r + 2]!;
    const a3 = x[r + 3]!;
    for (let j = i + 1, o = 4 * j; j < n; j++, o += 4) {
      const t0 = a0 - x[o]!;
      const t1 = a1 - x[o + 1]!;
      const t2 = a2 - x[o + 2]!;
      const t3 = a3 - x[o + 3]!;
      const dist = Math.sqrt(t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3);
      sums[base + labels[j]!]! += dist;
      sums[j * k + own]! += dist;
    }
  }
}

function sumsWidth8(
  x: Float64Array,
  n: number,
  labels: Int32Array,
  k: number,
  sums: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const base = i * k;
    const r = 8 * i;
    const a0 = x[r]!;
    const a1 = x[r + 1]!;
    const a2 = x[r + 2]!;
    const a3 = x[r + 3]!;
    const a4 = x[r + 4]!;
    const a5 = x[r + 5]!;
    const a6 = x[r + 6]!;
    const a7 = x[r + 7]!;
    for (let j = i + 1, o = 8 * j; j < n; j++, o += 8) {
      const t0 = a0 - x[o]!;
      const t1 = a1 - x[o + 1]!;
      const t2 = a2 - x[o + 2]!;
      const t3 = a3 - x[o + 3]!;
      const t4 = a4 - x[o + 4]!;
      const t5 = a5 - x[o + 5]!;
      const t6 = a6 - x[o + 6]!;
      const t7 = a7 - x[o + 7]!;
      const dist = Math.sqrt(
        t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3 + t4 * t4 + t5 * t5 + t6 * t6 + t7 * t7,
      );
      sums[base + labels[j]!]! += dist;
      sums[j * k + own]! += dist;
    }
  }
}

function sumsGeneric(
  x: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
  sums: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const base = i * k;
    const r = i * d;
    for (let j = i + 1, o = j * d; j < n; j++, o += d) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const t = x[r + f]! - x[o + f]!;
        s += t * t;
      }
      const dist = Math.sqrt(s);
      sums[base + labels[j]!]! += dist;
      sums[j * k + own]! += dist;
    }
  }
}
