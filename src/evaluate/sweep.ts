import { kmeans, KMEANS_DEFAULTS, KMeansWorkspace, PARALLEL_MIN_ROWS } from "../cluster/index.js";
import { validateK, validateKRange } from "../cluster/validate.js";
import type { Clustering } from "../cluster/types.js";
import { onSharedMemory, type DenseMatrix } from "../shared/matrix.js";
import { Random } from "../shared/random.js";
import { calinskiHarabasz, daviesBouldin, kneedle, recommendK } from "./metrics.js";
import {
  DEFAULT_SILHOUETTE_SAMPLE_SIZE,
  meanSilhouette,
  silhouetteSampleValues,
} from "./silhouette.js";
import type { Recommendation, SweepRow } from "./types.js";

/** Defaults of {@link sweepK}: k = 2..10, the K-Means defaults, a 10,000-row silhouette sample. */
export const SWEEP_DEFAULTS = {
  ...KMEANS_DEFAULTS,
  kMin: 2,
  kMax: 10,
  silhouetteSampleSize: DEFAULT_SILHOUETTE_SAMPLE_SIZE,
} as const;

/** Options for {@link sweepK}; unset ones take {@link SWEEP_DEFAULTS}. */
export interface SweepOptions {
  kMin?: number;
  kMax?: number;
  restarts?: number;
  seed?: number;
  maxIterations?: number;
  tolerance?: number;
  /** Rows for the silhouette; exact when the data has at most this many. Default 10,000. */
  silhouetteSampleSize?: number;
  threads?: number;
  /** Called when each k is finished. */
  onK?: (k: number, done: number, total: number) => void;
}

/** A sweep's rows, its recommendation and every fitted clustering. */
export interface SweepResult {
  rows: SweepRow[];
  recommendation: Recommendation;
  /** Rows the silhouettes were computed on. */
  silhouetteSampleSize: number;
  clusterings: Map<number, Clustering>;
  /**
   * The silhouette sample's rows (null: every row) and each k's per-row
   * silhouettes on it, kept for the report's per-k views.
   */
  silhouetteSample: { indices: Int32Array | null; values: Map<number, Float64Array> };
}

/** Seed of k's K-Means, derived from the user's seed so each k has its own stream. */
export function seedForK(seed: number, k: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) + k * 0x85ebca6b) >>> 0;
}

/**
 * Fits K-Means for every k in [kMin, kMax] and scores each fit: inertia,
 * silhouette (on one seeded sample shared by all k, so the values are
 * comparable), Calinski–Harabasz and Davies–Bouldin on all rows; then finds
 * the knee of the inertia curve with Kneedle and recommends a k.
 *
 * @example
 * const result = sweepK(prepared.scaled, { kMin: 2, kMax: 10, restarts: 10, seed: 7 });
 * result.recommendation.recommendedK // => e.g. 4
 */
export function sweepK(input: DenseMatrix, options: SweepOptions = {}): SweepResult {
  const kMin = options.kMin ?? SWEEP_DEFAULTS.kMin;
  const kMax = options.kMax ?? SWEEP_DEFAULTS.kMax;
  validateKRange(kMin, kMax);
  validateK(kMax, input.rows);
  const seed = options.seed ?? SWEEP_DEFAULTS.seed;
  const threads = options.threads ?? SWEEP_DEFAULTS.threads;
  // Worker threads need the data on shared memory; copy it there once for the
  // whole sweep, or the kernel copies it again for every k (9 × 320 MB at 5M
  // rows × 8, which the garbage collector returns late).
  const matrix = threads > 1 && input.rows >= PARALLEL_MIN_ROWS ? onSharedMemory(input) : input;
  const rows: SweepRow[] = [];
  const clusterings = new Map<number, Clustering>();
  const total = kMax - kMin + 1;
  const sampleSize = options.silhouetteSampleSize ?? SWEEP_DEFAULTS.silhouetteSampleSize;
  let silhouetteRows = matrix.rows;
  const workspace = new KMeansWorkspace();
  const fits: { k: number; clustering: Clustering }[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const clustering = kmeans(matrix, {
      k,
      restarts: options.restarts ?? SWEEP_DEFAULTS.restarts,
      seed: seedForK(seed, k),
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
      threads,
      workspace,
    });
    clusterings.set(k, clustering);
    fits.push({ k, clustering });
    options.onK?.(k, k - kMin + 1, total);
  }
  // One sample (same seed) and one pass of pair distances for every k: the
  // values are comparable across k, and the distances are computed once.
  const silhouettes = silhouetteSampleValues(
    matrix,
    fits.map(({ k, clustering }) => ({ labels: clustering.labels, k })),
    { sampleSize, rng: new Random(seed ^ 0x51e7) },
  );
  const perRow = new Map<number, Float64Array>();
  fits.forEach(({ k, clustering }, index) => {
    const values = silhouettes.values[index]!;
    perRow.set(k, values);
    silhouetteRows = values.length;
    rows.push({
      k,
      inertia: clustering.inertia,
      silhouette: meanSilhouette(values),
      calinskiHarabasz: calinskiHarabasz(matrix, clustering.labels, k),
      daviesBouldin: daviesBouldin(matrix, clustering.labels, k),
      iterations: clustering.iterations,
    });
  });
  const knee =
    rows.length >= 3
      ? kneedle(
          rows.map((r) => r.k),
          rows.map((r) => r.inertia),
          { curve: "convex", direction: "decreasing", sensitivity: 1 },
        ).knee
      : null;
  return {
    rows,
    recommendation: recommendK(rows, knee),
    silhouetteSampleSize: silhouetteRows,
    clusterings,
    silhouetteSample: { indices: silhouettes.indices, values: perRow },
  };
}
