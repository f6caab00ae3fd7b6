/**
 * Cluster stability under bootstrap resampling, as R's `fpc::clusterboot`
 * (fpc 2.2.10, R/clusterboot.R, `bootmethod = "boot"`) measures it, plus a
 * per-k agreement between the resampled clusterings.
 *
 * Each of B resamples draws n rows with replacement and keeps the distinct
 * ones (clusterboot's `multipleboot = FALSE`), and K-Means clusters them
 * anew for every k. Then:
 *
 * - per cluster of the full-data clustering (clusterboot's `bootmean`): the
 *   mean over resamples of the largest Jaccard similarity between the
 *   cluster's resampled members and any cluster of the resample's
 *   clustering, |A ∩ C| / |A ∪ C| over the resampled rows (0 when the cluster
 *   has no resampled rows). Hennig (2007) reads it as: ≤ 0.5 dissolved, below
 *   0.6 not to be trusted, 0.6–0.75 a pattern with doubtful members, ≥ 0.75
 *   stable, ≥ 0.85 highly stable;
 * - per k: the adjusted Rand index between every pair of resample
 *   clusterings, on the rows both resamples hold; its mean, standard
 *   deviation (n − 1 denominator, over the B(B−1)/2 pairs) and quartiles.
 *
 * The resamples are shared by every k, so the k are compared on the same
 * draws. Above `sampleSize` rows everything runs on a seeded uniform sample.
 */
import { type DenseMatrix, onSharedMemory } from "../shared/matrix.js";
import { badEvaluateOption, tooFewRowsForK } from "../shared/messages/evaluate.js";
import { Random } from "../shared/random.js";
import { quantileType7 } from "../shared/stats.js";
import { adjustedRandOfCodes } from "./label-agreement.js";
import { runSetJob } from "./set-pool.js";
import { stabilityResampleSet } from "./set-tasks.js";
import {
  checkInteger,
  checkSampleSize,
  checkSeed,
  DEFAULT_RESAMPLING_SAMPLE_SIZE,
  onSample,
  sampleRows,
  deriveSeed,
  fitLabels,
  withoutUndefined,
} from "./resampling.js";

/** Clusters one resample (k ≥ 2); `resample` is 1..B, or 0 for the full-data clustering. */
export type StabilityClusterer = (matrix: DenseMatrix, k: number, resample: number) => Int32Array;

/** Options of {@link clusterStability}; {@link STABILITY_DEFAULTS} holds the defaults. */
export interface StabilityOptions {
  /** The k to assess, each ≥ 2. */
  ks: readonly number[];
  seed: number;
  /** Bootstrap resamples B (≥ 2). Default 20. */
  resamples?: number;
  /** K-Means runs per fit of the default clusterer. Default 1 (clusterboot's `kmeansCBI` runs = 1). */
  restarts?: number;
  maxIterations?: number;
  tolerance?: number;
  /**
   * Resamples clustered at once: the calling thread plus worker threads,
   * each resample whole on one thread (`set-pool.ts`; sets under 5,000 rows
   * and a caller's own `cluster` stay on the calling thread). The result is
   * the same for any count. Default 1.
   */
  threads?: number;
  /** Largest number of rows used as they are; above it a seeded sample of this many. null: every row. Default 20,000. */
  sampleSize?: number | null;
  /**
   * The full-data clustering whose clusters are judged: labels of every input
   * row for k (e.g. the sweep's fits). Default: the clusterer on the rows used.
   */
  reference?: (k: number) => Int32Array | undefined;
  /** Clusters the rows of one resample instead of K-Means (clusterboot's `clustermethod`). */
  cluster?: StabilityClusterer;
  /** Called after each resample (`done` of `total` = B). */
  onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link StabilityOptions}. */
export const STABILITY_DEFAULTS = {
  resamples: 20,
  restarts: 1,
  threads: 1,
  sampleSize: DEFAULT_RESAMPLING_SAMPLE_SIZE,
} as const satisfies Partial<StabilityOptions>;

/** Hennig's reading of a cluster's mean Jaccard (`bootmean`). */
export type ClusterStabilityVerdict =
  "dissolved" | "not-trustworthy" | "doubtful-members" | "stable" | "highly-stable";

/**
 * The verdict on a cluster's mean Jaccard: ≤ 0.5 dissolved, < 0.6 not to be
 * trusted, < 0.75 a pattern with doubtful members, < 0.85 stable, else
 * highly stable.
 *
 * @example
 * [0.5, 0.55, 0.7, 0.8, 0.9].map(stabilityVerdict);
 * // => ["dissolved", "not-trustworthy", "doubtful-members", "stable", "highly-stable"]
 */
export function stabilityVerdict(meanJaccard: number): ClusterStabilityVerdict {
  if (meanJaccard <= 0.5) return "dissolved";
  if (meanJaccard < 0.6) return "not-trustworthy";
  if (meanJaccard < 0.75) return "doubtful-members";
  if (meanJaccard < 0.85) return "stable";
  return "highly-stable";
}

/** Stability of one k. */
export interface KStability {
  k: number;
  /** Mean Jaccard of each full-data cluster over the resamples (clusterboot's `bootmean`). */
  clusterJaccard: Float64Array;
  /** Resamples in which each cluster's Jaccard was ≤ 0.5 (clusterboot's `bootbrd`). */
  dissolvedCount: Int32Array;
  /** Resamples in which it was > 0.75 (clusterboot's `bootrecover`). */
  recoveredCount: Int32Array;
  verdicts: ClusterStabilityVerdict[];
  /** Mean pairwise ARI between the resample clusterings on their shared rows. */
  ari: number;
  /** Standard deviation of those ARIs (n − 1 denominator). */
  ariSd: number;
  /** Their quartiles (R's type 7): [Q1, median, Q3]. */
  ariQuartiles: [number, number, number];
  /** Pairs of resamples compared: B(B − 1)/2. */
  pairs: number;
}

/** What {@link clusterStability} measured. */
export interface StabilityResult {
  perK: KStability[];
  resamples: number;
  /** Rows the resamples were drawn from (the sample size when sampled). */
  rows: number;
  sampled: boolean;
}

/**
 * Bootstrap stability of K-Means (or `options.cluster`) for each k of `ks`.
 *
 * Cost: B resamples × |ks| fits on ≈ 63 % of the rows used, plus B(B−1)/2
 * label comparisons per k.
 *
 * @throws SegworkError when an option is out of range or a k exceeds the rows used.
 * @example
 * const stability = clusterStability(prepared.scaled, { ks: [2, 3, 4, 5], seed: 7 });
 * stability.perK[1].ari; // => e.g. 0.97 (k = 3 is reproduced by almost every resample)
 * stability.perK[1].verdicts; // => e.g. ["highly-stable", "highly-stable", "stable"]
 */
export function clusterStability(matrix: DenseMatrix, options: StabilityOptions): StabilityResult {
  const settings = { ...STABILITY_DEFAULTS, ...withoutUndefined(options) };
  const B = checkInteger("stability", "resamples", settings.resamples, 2);
  const restarts = checkInteger("stability", "restarts", settings.restarts, 1);
  const threads = checkInteger("stability", "threads", settings.threads, 1);
  checkSeed("stability", settings.seed);
  const sampleSize = checkSampleSize("stability", settings.sampleSize);
  if (settings.ks.length === 0) throw badEvaluateOption("stability", "ks", "[]", "at least one k");
  for (const k of settings.ks) checkInteger("stability", "ks", k, 2);
  const root = new Random(settings.seed);
  const { matrix: data, indices } = sampleRows(matrix, sampleSize, root.fork(0));
  const n = data.rows;
  const kMax = Math.max(...settings.ks);
  if (n < kMax) throw tooFewRowsForK("stability", n, kMax);

  const fit = {
    restarts,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
  };
  const references = settings.ks.map((k) => {
    const given = settings.reference?.(k);
    if (given !== undefined) return onSample(given, indices);
    if (settings.cluster) return settings.cluster(data, k, 0);
    return fitLabels(data, k, deriveSeed(settings.seed, 0, k), fit);
  });

  // The draws first, on this thread, from one stream; then every resample's fits.
  const draws = root.fork(1);
  const drawnSets = Array.from({ length: B }, () => bootstrapRows(n, draws));
  const offsets = new Int32Array(B + 1);
  drawnSets.forEach((drawn, b) => (offsets[b + 1] = offsets[b]! + drawn.length));
  const input = {
    data: settings.cluster ? data : onSharedMemory(data),
    ks: settings.ks,
    seed: settings.seed,
    fit,
    drawn: onSharedInts(offsets[B]!, drawnSets),
    offsets,
    labels: new Int32Array(new SharedArrayBuffer(offsets[B]! * settings.ks.length * 4)),
  };
  const progress = (done: number): void => settings.onProgress?.(done, B);
  if (settings.cluster) {
    // A caller's function cannot go to a worker: its resamples run here.
    for (let b = 1; b <= B; b++) {
      stabilityResampleSet(input, b, settings.cluster);
      progress(b);
    }
  } else runSetJob({ kind: "stabilityResample", input, count: B, rows: n }, threads, progress);

  // labels[b][l]: resample b's clustering for ks[l], one entry per row used, −1 where not drawn.
  const jaccard = settings.ks.map((k) => new Float64Array(B * k));
  const labels = drawnSets.map((drawn, b) =>
    settings.ks.map((k, l) => {
      const start = offsets[b]! * settings.ks.length + l * drawn.length;
      const local = input.labels.subarray(start, start + drawn.length);
      bestJaccards(references[l]!, drawn, local, k, jaccard[l]!.subarray(b * k, (b + 1) * k));
      const full = new Int32Array(n).fill(-1);
      for (let r = 0; r < drawn.length; r++) full[drawn[r]!] = local[r]!;
      return full;
    }),
  );
  const perK = settings.ks.map((k, l) =>
    summarize(
      k,
      jaccard[l]!,
      labels.map((perResample) => perResample[l]!),
      B,
    ),
  );
  return { perK, resamples: B, rows: n, sampled: indices !== null };
}

/** `sets` laid end to end in one Int32Array of `length` on shared memory. */
function onSharedInts(length: number, sets: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(length * 4));
  let at = 0;
  for (const set of sets) {
    out.set(set, at);
    at += set.length;
  }
  return out;
}

/** The distinct rows of n draws with replacement from 0..n−1, ascending. */
function bootstrapRows(n: number, rng: Random): Int32Array {
  const seen = new Uint8Array(n);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const r = rng.int(n);
    if (seen[r] === 0) {
      seen[r] = 1;
      distinct++;
    }
  }
  const out = new Int32Array(distinct);
  for (let i = 0, at = 0; i < n; i++) if (seen[i] === 1) out[at++] = i;
  return out;
}

/**
 * out[j] = max over the resample's clusters c of the Jaccard similarity of
 * full-data cluster j restricted to the drawn rows and c (clusterboot's
 * `maxgamma` with `clujaccard(..., zerobyzero = 0)`).
 */
function bestJaccards(
  reference: Int32Array,
  drawn: Int32Array,
  local: Int32Array,
  k: number,
  out: Float64Array,
): void {
  const counts = new Float64Array(k * k);
  const refSizes = new Float64Array(k);
  const localSizes = new Float64Array(k);
  for (let r = 0; r < drawn.length; r++) {
    const j = reference[drawn[r]!]!;
    const c = local[r]!;
    counts[j * k + c]!++;
    refSizes[j]!++;
    localSizes[c]!++;
  }
  for (let j = 0; j < k; j++) {
    let best = 0;
    for (let c = 0; c < k; c++) {
      const both = counts[j * k + c]!;
      const union = refSizes[j]! + localSizes[c]! - both;
      const similarity = union === 0 ? 0 : both / union;
      if (similarity > best) best = similarity;
    }
    out[j] = best;
  }
}

function summarize(k: number, jaccard: Float64Array, labels: Int32Array[], B: number): KStability {
  const clusterJaccard = new Float64Array(k);
  const dissolvedCount = new Int32Array(k);
  const recoveredCount = new Int32Array(k);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < k; j++) {
      const value = jaccard[b * k + j]!;
      clusterJaccard[j]! += value;
      if (value <= 0.5) dissolvedCount[j]!++;
      if (value > 0.75) recoveredCount[j]!++;
    }
  }
  for (let j = 0; j < k; j++) clusterJaccard[j]! /= B;
  const aris: number[] = [];
  for (let a = 0; a < B; a++) {
    for (let b = a + 1; b < B; b++) aris.push(adjustedRandOfCodes(labels[a]!, labels[b]!, k, k));
  }
  const mean = aris.reduce((s, v) => s + v, 0) / aris.length;
  const variance = aris.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, aris.length - 1);
  const sorted = Float64Array.from(aris).sort();
  return {
    k,
    clusterJaccard,
    dissolvedCount,
    recoveredCount,
    verdicts: Array.from(clusterJaccard, stabilityVerdict),
    ari: mean,
    ariSd: Math.sqrt(variance),
    ariQuartiles: [
      quantileType7(sorted, 0.25),
      quantileType7(sorted, 0.5),
      quantileType7(sorted, 0.75),
    ],
    pairs: aris.length,
  };
}
