/**
 * The gap statistic (Tibshirani, Walther & Hastie 2001, "Estimating the
 * number of clusters in a data set via the gap statistic", JRSS B 63:411–423)
 * as R's `cluster::clusGap` (cluster 2.1.4, R/clusGap.R) computes it:
 *
 *     Gap(k) = E*[log W*(k)] − log W(k),    k = 1..K,
 *
 * W(k) the pooled within-cluster dispersion of the data clustered into k
 * groups (`within-dispersion.ts`), E*[log W*(k)] its mean over B reference
 * sets drawn uniformly over the data's box (`gap-reference.ts`) and clustered
 * the same way, and SE(k) = sqrt(1 + 1/B) · sd(log W*(k)) with sd over the B
 * sets (n − 1 denominator, R's `var`). A rule of `gap-rules.ts` then picks k;
 * k = 1 means no cluster structure.
 *
 * Where segwork departs from R, and why: the clustering is segwork's K-Means
 * (k-means++, `restarts` runs) unless the caller passes its own; reference
 * draws come from segwork's seeded generator, one stream per set (so that
 * sets can run on worker threads, `set-pool.ts`); the data may be sampled first
 * (a seeded uniform sample above `sampleSize` rows) to bound the cost, which
 * is B + 1 sets × (K − 1) K-Means fits, plus n²/2 distances per set when
 * `dPower` ≠ 2.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { badEvaluateOption, tooFewRowsForK } from "../shared/messages/evaluate.js";
import { Random } from "../shared/random.js";
import { referenceFrame, type GapReferenceSpace } from "./gap-reference.js";
import { GAP_RULES, maxSE, type GapRule } from "./gap-rules.js";
import {
  checkInteger,
  checkSampleSize,
  checkSeed,
  DEFAULT_RESAMPLING_SAMPLE_SIZE,
  deriveSeed,
  fitLabels,
  onSample,
  sampleRows,
  withoutUndefined,
} from "./resampling.js";
import { runSetJob } from "./set-pool.js";
import { gapReferenceSet, logDispersions } from "./set-tasks.js";

export { logDispersions };

/**
 * Clusters one set into k groups (k ≥ 2) and returns a label in 0..k−1 per
 * row. `set` is 0 for the data and b = 1..B for the b-th reference set.
 */
export type GapClusterer = (matrix: DenseMatrix, k: number, set: number) => Int32Array;

/** Options of {@link gapStatistic}; {@link GAP_DEFAULTS} holds the defaults. */
export interface GapOptions {
  /** Largest k (R's `K.max`), ≥ 2; the gap is computed for k = 1..kMax. */
  kMax: number;
  /** Seed of the sample, the reference draws and the K-Means fits. */
  seed: number;
  /** Reference sets B (≥ 2). Default 50. */
  references?: number;
  /** Power of the Euclidean distances in W(k) (R's `d.power`): 1 is R's default, 2 Tibshirani et al.'s. */
  dPower?: number;
  /** R's `spaceH0`. Default "scaledPCA". */
  space?: GapReferenceSpace;
  /** Rule that picks k from the curve (R's `maxSE` method). Default "firstSEmax". */
  rule?: GapRule;
  /** R's `SE.factor`. Default 1. */
  seFactor?: number;
  /** Largest number of rows used as they are; above it a seeded sample of this many. null: every row. Default 20,000. */
  sampleSize?: number | null;
  /** K-Means runs per fit of the default clusterer. Default 1 (R's `kmeans` default `nstart`). */
  restarts?: number;
  /** Passed to the default clusterer's K-Means. */
  maxIterations?: number;
  tolerance?: number;
  /**
   * Reference sets clustered at once: the calling thread plus worker
   * threads, each set whole on one thread (`set-pool.ts`; sets under 5,000
   * rows and a caller's own `cluster` stay on the calling thread). The
   * result is the same for any count. Default 1.
   */
  threads?: number;
  /** Clusters the data and every reference set instead of K-Means (R's `FUNcluster`). */
  cluster?: GapClusterer;
  /**
   * Labels of every input row for k (e.g. a sweep's fits), used for the data
   * instead of clustering it again; restricted to the sample when sampling.
   * The reference sets are still clustered by `cluster` / K-Means.
   */
  observed?: (k: number) => Int32Array | undefined;
  /** Called after the data and after each reference set (`done` of `total` = B + 1 sets). */
  onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link GapOptions}. */
export const GAP_DEFAULTS = {
  references: 50,
  dPower: 1,
  space: "scaledPCA",
  rule: "firstSEmax",
  seFactor: 1,
  sampleSize: DEFAULT_RESAMPLING_SAMPLE_SIZE,
  restarts: 1,
  threads: 1,
} as const satisfies Partial<GapOptions>;

/** The gap curve, R's `clusGap()$Tab` with the chosen k. Arrays are indexed by k − 1. */
export interface GapResult {
  /** 1..kMax. */
  k: number[];
  logW: Float64Array;
  /** E*[log W*(k)]: mean over the reference sets. */
  expectedLogW: Float64Array;
  /** expectedLogW − logW. */
  gap: Float64Array;
  /** SE.sim = sqrt(1 + 1/B) · sd(log W*). */
  se: Float64Array;
  /** k chosen by `rule` with `seFactor`; 1 = no cluster structure. */
  bestK: number;
  rule: GapRule;
  seFactor: number;
  references: number;
  dPower: number;
  space: GapReferenceSpace;
  /** Rows the statistic was computed on (the sample size when sampled). */
  rows: number;
  /** Whether those rows are a sample of the input. */
  sampled: boolean;
  /** log W*(k) of every reference set: references × kMax, row-major. */
  referenceLogW: Float64Array;
}

/**
 * The gap statistic of the rows of `matrix` for k = 1..kMax, and the k its
 * rule picks.
 *
 * @throws SegworkError when an option is out of range or kMax exceeds the rows used.
 * @example
 * const gap = gapStatistic(prepared.scaled, { kMax: 10, seed: 7 });
 * gap.bestK; // => e.g. 4 (1 would mean no cluster structure)
 * gap.gap[gap.bestK - 1]; // the gap at that k, with gap.se[gap.bestK - 1]
 */
export function gapStatistic(matrix: DenseMatrix, options: GapOptions): GapResult {
  const settings = { ...GAP_DEFAULTS, ...withoutUndefined(options) };
  const kMax = checkInteger("gap", "kMax", settings.kMax, 2);
  const B = checkInteger("gap", "references", settings.references, 2);
  checkSeed("gap", settings.seed);
  const sampleSize = checkSampleSize("gap", settings.sampleSize);
  const restarts = checkInteger("gap", "restarts", settings.restarts, 1);
  const threads = checkInteger("gap", "threads", settings.threads, 1);
  checkDPower(settings.dPower);
  if (!GAP_RULES.includes(settings.rule)) {
    throw badEvaluateOption("gap", "rule", String(settings.rule), GAP_RULES.join(", "));
  }
  const root = new Random(settings.seed);
  const { matrix: data, indices } = sampleRows(matrix, sampleSize, root.fork(0));
  if (data.rows < kMax) throw tooFewRowsForK("the gap statistic", data.rows, kMax);
  const frame = referenceFrame(data, settings.space);

  const fit = {
    restarts,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
  };
  const total = B + 1;
  const observedLabels = (k: number): Int32Array => {
    const given = settings.observed?.(k);
    if (given !== undefined) return onSample(given, indices);
    if (settings.cluster) return settings.cluster(data, k, 0);
    return fitLabels(data, k, deriveSeed(settings.seed, 0, k), fit);
  };
  const logW = logDispersions(data, kMax, settings.dPower, observedLabels);
  settings.onProgress?.(1, total);
  const input = {
    frame,
    rows: data.rows,
    kMax,
    dPower: settings.dPower,
    seed: settings.seed,
    fit,
    out: new Float64Array(new SharedArrayBuffer(B * kMax * 8)),
  };
  const progress = (done: number): void => settings.onProgress?.(done + 1, total);
  if (settings.cluster) {
    // A caller's function cannot go to a worker: its sets run here, with the same draws.
    for (let b = 1; b <= B; b++) {
      gapReferenceSet(input, b, settings.cluster);
      progress(b);
    }
  } else {
    runSetJob({ kind: "gapReference", input, count: B, rows: data.rows }, threads, progress);
  }
  const referenceLogW = new Float64Array(input.out);
  return gapFromLogW(logW, referenceLogW, {
    references: B,
    rule: settings.rule,
    seFactor: settings.seFactor,
    dPower: settings.dPower,
    space: settings.space,
    rows: data.rows,
    sampled: indices !== null,
  });
}

/** What {@link gapFromLogW} needs besides the dispersions. */
export interface GapSummaryOptions {
  references: number;
  rule: GapRule;
  seFactor: number;
  dPower: number;
  space: GapReferenceSpace;
  rows: number;
  sampled: boolean;
}

/**
 * The gap curve from log W(k) of the data and of the B reference sets
 * (row-major B × kMax), as the end of R's `clusGap`: E.logW = colMeans,
 * SE.sim = sqrt((1 + 1/B) · var), gap = E.logW − logW; then the rule.
 *
 * @example
 * gapFromLogW(Float64Array.of(0, -1), Float64Array.of(0, 0, 0, -0.5), {
 *   references: 2, rule: "firstSEmax", seFactor: 1, dPower: 1, space: "original", rows: 10, sampled: false,
 * }).gap; // => Float64Array [0, 0.75]
 */
export function gapFromLogW(
  logW: Float64Array,
  referenceLogW: Float64Array,
  options: GapSummaryOptions,
): GapResult {
  const kMax = logW.length;
  const B = options.references;
  const expectedLogW = new Float64Array(kMax);
  const se = new Float64Array(kMax);
  for (let k = 0; k < kMax; k++) {
    let sum = 0;
    for (let b = 0; b < B; b++) sum += referenceLogW[b * kMax + k]!;
    const mean = sum / B;
    let squares = 0;
    for (let b = 0; b < B; b++) squares += (referenceLogW[b * kMax + k]! - mean) ** 2;
    expectedLogW[k] = mean;
    se[k] = Math.sqrt((1 + 1 / B) * (squares / (B - 1)));
  }
  const gap = expectedLogW.map((e, k) => e - logW[k]!);
  return {
    k: Array.from({ length: kMax }, (_, i) => i + 1),
    logW,
    expectedLogW,
    gap,
    se,
    bestK: maxSE(gap, se, options.rule, options.seFactor),
    rule: options.rule,
    seFactor: options.seFactor,
    references: B,
    dPower: options.dPower,
    space: options.space,
    rows: options.rows,
    sampled: options.sampled,
    referenceLogW,
  };
}

function checkDPower(dPower: number): void {
  if (!Number.isFinite(dPower) || dPower <= 0) {
    throw badEvaluateOption("gap", "dPower", String(dPower), "a finite number > 0");
  }
}
