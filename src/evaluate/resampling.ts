/**
 * What the resampling indices (gap statistic, stability, seed sensitivity)
 * share: seeds derived from the user's seed, the checks of their options, the
 * seeded row sample that bounds their cost, and the K-Means fit they run on
 * every resampled or reference set.
 */
import { kmeans, KMeansWorkspace } from "../cluster/index.js";
import { type DenseMatrix, takeRows } from "../shared/matrix.js";
import { badEvaluateOption } from "../shared/messages/evaluate.js";
import { type Random, sampleIndices } from "../shared/random.js";

/**
 * Rows above which the gap statistic and stability work on a seeded uniform
 * sample by default. Both cost one K-Means fit per k for every reference set
 * or resample (70 sets for gap B = 50 and stability B = 20), and W(k) for
 * d.power ≠ 2 needs all n²/2 pair distances of each set, so their cost is set
 * by this number, not by the table's size.
 */
export const DEFAULT_RESAMPLING_SAMPLE_SIZE = 20_000;

/**
 * A 32-bit seed for one task, derived from the user's seed and the task's
 * coordinates (e.g. reference set b and k), so every task has its own stream
 * and the order the tasks run in never matters.
 *
 * @example
 * deriveSeed(7, 3, 4) === deriveSeed(7, 3, 4); // => true
 * deriveSeed(7, 3, 4) === deriveSeed(7, 4, 3); // => false
 */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

/** The rows an index works on: all of them, or a seeded sample of `sampleSize`. */
export interface RowSample {
  matrix: DenseMatrix;
  /** Indices of the sampled rows into the input (ascending), or null when every row is used. */
  indices: Int32Array | null;
}

/**
 * All rows when there are at most `sampleSize` (or `sampleSize` is null),
 * else `sampleSize` rows drawn uniformly without replacement by `rng`.
 *
 * @example
 * sampleRows(matrix, 20_000, new Random(7)).matrix.rows; // => min(matrix.rows, 20000)
 */
export function sampleRows(m: DenseMatrix, sampleSize: number | null, rng: Random): RowSample {
  if (sampleSize === null || m.rows <= sampleSize) return { matrix: m, indices: null };
  const indices = sampleIndices(m.rows, sampleSize, rng);
  return { matrix: takeRows(m, indices), indices };
}

/**
 * Labels of every input row cut down to the rows of a {@link RowSample}
 * (the labels themselves when every row is used).
 *
 * @example
 * onSample(Int32Array.of(0, 1, 1, 0), Int32Array.of(1, 3)); // => Int32Array [1, 0]
 */
export function onSample(labels: Int32Array, indices: Int32Array | null): Int32Array {
  return indices ? Int32Array.from(indices, (i) => labels[i]!) : labels;
}

/** Settings of the K-Means fits run on resampled and reference sets. */
export interface ResampleFit {
  restarts: number;
  maxIterations?: number;
  tolerance?: number;
  workspace?: KMeansWorkspace;
}

/**
 * K-Means labels of `m` for k clusters (all zeros for k = 1), seeded by `seed`.
 *
 * @example
 * fitLabels(fromRows([[0], [1], [10], [11]]), 2, 7, { restarts: 1 }); // => Int32Array [a, a, b, b]
 */
export function fitLabels(m: DenseMatrix, k: number, seed: number, fit: ResampleFit): Int32Array {
  if (k === 1) return new Int32Array(m.rows);
  return kmeans(m, {
    k,
    restarts: fit.restarts,
    seed,
    maxIterations: fit.maxIterations,
    tolerance: fit.tolerance,
    workspace: fit.workspace,
  }).labels;
}

/**
 * The K-Means clusterer of the gap statistic and of stability: set s (0 for
 * the data, 1.. for reference sets or resamples) at k gets the seed
 * `deriveSeed(seed, s, k)`, and all fits share one workspace.
 *
 * @example
 * const cluster = seededKMeans(7, { restarts: 1 });
 * cluster(matrix, 3, 0); // => the labels of the data at k = 3
 */
export function seededKMeans(
  seed: number,
  fit: Omit<ResampleFit, "workspace">,
): (m: DenseMatrix, k: number, set: number) => Int32Array {
  const workspace = new KMeansWorkspace();
  return (m, k, set) => fitLabels(m, k, deriveSeed(seed, set, k), { ...fit, workspace });
}

/** Checks an integer option ≥ `least`; returns it. */
export function checkInteger(stage: string, name: string, value: number, least: number): number {
  if (!Number.isInteger(value) || value < least) {
    throw badEvaluateOption(stage, name, String(value), `an integer ≥ ${least}`);
  }
  return value;
}

/** Checks a sample-size option: an integer ≥ 2, or null for "every row". */
export function checkSampleSize(stage: string, value: number | null): number | null {
  if (value === null) return null;
  return checkInteger(stage, "sampleSize", value, 2);
}

/** Checks the seed: any integer (used modulo 2³², as `Random` and `kmeans` use it). */
export function checkSeed(stage: string, seed: number): number {
  if (!Number.isInteger(seed)) throw badEvaluateOption(stage, "seed", String(seed), "an integer");
  return seed;
}

/**
 * The options without their undefined properties, so that spreading them over
 * a defaults object keeps the defaults.
 *
 * @example
 * ({ ...{ b: 50 }, ...withoutUndefined({ b: undefined }) }).b; // => 50
 */
export function withoutUndefined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T;
}
