/**
 * Silhouette coefficient (Rousseeuw 1987) with Euclidean distance, computed as
 * scikit-learn's `silhouette_samples` / `silhouette_score` do
 * (sklearn/metrics/cluster/_unsupervised.py), but without ever holding an n×n
 * distance matrix: each pair distance is added straight into per-row,
 * per-cluster distance sums (n×k numbers). {@link silhouetteScores} scores
 * several labelings (the fits of a k sweep) from one pass of distances, with
 * the kernel of `silhouette-sums.ts`; the single-labeling kernel below stays
 * as the simple reference that kernel is tested against, bit for bit.
 */
import { type DenseMatrix, takeRows } from "../shared/matrix.js";
import { Random, sampleIndices } from "../shared/random.js";
import { badSampleSize } from "../shared/messages/evaluate.js";
import { clusterSizes } from "./cluster-labels.js";
import { clusterDistanceSumsMany, padColumns, type Labeling } from "./silhouette-sums.js";
import type { SilhouetteResult } from "./types.js";

export type { Labeling } from "./silhouette-sums.js";

/** Rows above which {@link silhouetteScore} samples by default (scikit-learn's `sample_size` idea). */
export const DEFAULT_SILHOUETTE_SAMPLE_SIZE = 10_000;

/** Options of {@link silhouetteScore} and {@link silhouetteScores}. */
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
  const { sizes } = clusterSizes(labels, k, m.rows, "Silhouette");
  return silhouettesFromSums(clusterDistanceSums(m, labels, k), 0, labels, k, sizes);
}

/**
 * s(i) of every row from its distance sums: sums[at + i·k + c] is the sum of
 * row i's distances to the rows of cluster c, sizes[c] the size of cluster c.
 */
function silhouettesFromSums(
  sums: Float64Array,
  at: number,
  labels: Int32Array,
  k: number,
  sizes: Float64Array,
): Float64Array {
  const n = labels.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const ownSize = sizes[own]!;
    if (ownSize <= 1) continue; // singleton: 0 by definition
    const base = at + i * k;
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
  const sampleSize = checkedSampleSize(options);
  clusterSizes(labels, k, m.rows, "Silhouette");
  if (sampleSize === null || m.rows <= sampleSize) {
    return {
      score: meanSilhouette(silhouetteSamples(m, labels, k)),
      sampleSize: m.rows,
      exact: true,
    };
  }
  const indices = sampleIndices(m.rows, sampleSize, options.rng ?? new Random(0));
  const score = meanSilhouette(silhouetteSamples(takeRows(m, indices), pick(labels, indices), k));
  return { score, sampleSize: indices.length, exact: false };
}

/**
 * Mean silhouette of several labelings of the same rows — typically the
 * K-Means fits of a k sweep — sharing one sample and one pass of pair
 * distances. Result i is bit for bit `silhouetteScore(m, labelings[i].labels,
 * labelings[i].k, options)` with a generator in the state `options.rng` is in
 * now: the sample is drawn once, exactly as {@link silhouetteScore} draws it,
 * and every per-row, per-cluster distance sum receives the same terms in the
 * same order (see `silhouette-sums.ts`).
 *
 * Cost: n(n−1)/2 distances for all labelings together (n the sample size)
 * plus about two adds per pair and labeling; memory n·Σk numbers. For the
 * nine fits k = 2..10 on 10,000 × 8 rows, 3–4× faster than nine calls of
 * {@link silhouetteScore}.
 *
 * @throws SegworkError when `sampleSize` is not an integer ≥ 2, or when a
 *   labeling fails the checks of {@link silhouetteScore}: labelings are
 *   checked in order, each on all rows and then on the sample, and the first
 *   failure is thrown (the sample is drawn once the first labeling passes on
 *   all rows, as {@link silhouetteScore} would draw it).
 * @example
 * // four points on a line, split {0, 1} | {4, 6} and {0, 1, 4} | {6}
 * silhouetteScores(fromRows([[0], [1], [4], [6]]), [
 *   { labels: Int32Array.from([0, 0, 1, 1]), k: 2 },
 *   { labels: Int32Array.from([0, 0, 0, 1]), k: 2 },
 * ]);
 * // => [{ score: 0.6535…, sampleSize: 4, exact: true }, { score: 0.1887…, sampleSize: 4, exact: true }]
 * // for a sweep on a big matrix: one sample of 10,000 rows for every k
 * silhouetteScores(big, fits.map((f) => ({ labels: f.labels, k: f.k })), { rng: new Random(7) });
 */
export function silhouetteScores(
  m: DenseMatrix,
  labelings: readonly Labeling[],
  options: SilhouetteOptions = {},
): SilhouetteResult[] {
  const { values, exact } = silhouetteSampleValues(m, labelings, options);
  return values.map((rowValues) => ({
    score: meanSilhouette(rowValues),
    sampleSize: rowValues.length,
    exact,
  }));
}

/** The per-row silhouettes behind {@link silhouetteScores}, with the rows they belong to. */
export interface SilhouetteSampleValues {
  /** Rows of the sample, in the order of `values` (null: every row, in order). */
  indices: Int32Array | null;
  /** Per labeling, s(i) of every row of the sample. */
  values: Float64Array[];
  exact: boolean;
}

/**
 * The per-row silhouettes {@link silhouetteScores} averages: the same sample,
 * the same pass of distances, the same checks. A sweep keeps them to draw
 * each k's knife plot from the sample its scores came from.
 *
 * @throws SegworkError as {@link silhouetteScores}.
 * @example
 * silhouetteSampleValues(fromRows([[0], [1], [4], [6]]), [{ labels: Int32Array.from([0, 0, 1, 1]), k: 2 }]);
 * // => { indices: null, values: [Float64Array [0.8, 0.75, 0.4285…, 0.6363…]], exact: true }
 */
export function silhouetteSampleValues(
  m: DenseMatrix,
  labelings: readonly Labeling[],
  options: SilhouetteOptions = {},
): SilhouetteSampleValues {
  const sampleSize = checkedSampleSize(options);
  const exact = sampleSize === null || m.rows <= sampleSize;
  let indices: Int32Array | null = null;
  const scored: (Labeling & { sizes: Float64Array })[] = [];
  for (const { labels, k } of labelings) {
    const all = clusterSizes(labels, k, m.rows, "Silhouette");
    if (exact) {
      scored.push({ labels, k, sizes: all.sizes });
      continue;
    }
    indices ??= sampleIndices(m.rows, sampleSize, options.rng ?? new Random(0));
    const sampleLabels = pick(labels, indices);
    const { sizes } = clusterSizes(sampleLabels, k, indices.length, "Silhouette");
    scored.push({ labels: sampleLabels, k, sizes });
  }
  if (scored.length === 0) return { indices, values: [], exact };
  const rows = indices === null ? m : takeRows(m, indices);
  const { sums, offsets } = clusterDistanceSumsMany(rows, scored);
  return {
    indices,
    values: scored.map(({ labels, k, sizes }, l) =>
      silhouettesFromSums(sums, offsets[l]!, labels, k, sizes),
    ),
    exact,
  };
}

/** The sample size in force: the option, the default, or null (no sampling). */
function checkedSampleSize(options: SilhouetteOptions): number | null {
  const sampleSize =
    options.sampleSize === undefined ? DEFAULT_SILHOUETTE_SAMPLE_SIZE : options.sampleSize;
  if (sampleSize !== null && (!Number.isInteger(sampleSize) || sampleSize < 2))
    throw badSampleSize(sampleSize);
  return sampleSize;
}

/** labels[indices[r]] for every r. */
function pick(labels: Int32Array, indices: Int32Array): Int32Array {
  const out = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) out[r] = labels[indices[r]!]!;
  return out;
}

/**
 * The mean of per-row silhouettes, summed in row order (the score of
 * {@link silhouetteScore} and {@link silhouetteScores}).
 *
 * @example
 * meanSilhouette(Float64Array.from([0.8, 0.6])); // => 0.7
 */
export function meanSilhouette(values: Float64Array): number {
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
  if (d <= 2) sumsWidth2(padColumns(m, 2), n, labels, k, sums);
  else if (d <= 4) sumsWidth4(padColumns(m, 4), n, labels, k, sums);
  else if (d <= 8) sumsWidth8(padColumns(m, 8), n, labels, k, sums);
  else sumsGeneric(m.data, n, d, labels, k, sums);
  return sums;
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
