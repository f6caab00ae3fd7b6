/**
 * Seed sensitivity of a K-Means fit: did the restarts agree? The spread of
 * the restarts' inertias and the adjusted Rand index between their labelings
 * tell whether `restarts` runs were enough — when most runs reach the best
 * inertia and label the rows alike, more runs would not change the answer.
 */
import { kmeans } from "../cluster/index.js";
import type { Clustering, KMeansOptions } from "../cluster/types.js";
import type { DenseMatrix } from "../shared/matrix.js";
import { badEvaluateOption } from "../shared/messages/evaluate.js";
import { adjustedRandOfCodes } from "./label-agreement.js";

/** Inertias this close to the best (relative) count as reaching it. */
export const SAME_INERTIA = 1e-6;

/** One restart's outcome. */
export interface RestartRun {
  inertia: number;
  labels: Int32Array;
}

/** How much the restarts of one fit differ. */
export interface SeedSensitivity {
  k: number;
  restarts: number;
  /** Each restart's own inertia, in restart order. */
  inertias: Float64Array;
  best: number;
  worst: number;
  /** (worst − best) / best; 0 when every run reached the same inertia. */
  relativeSpread: number;
  /** Restarts within {@link SAME_INERTIA} (relative) of the best inertia. */
  reachedBest: number;
  /** The kept run: the first with the lowest inertia (as `kmeans` keeps it). */
  bestRestart: number;
  /** ARI of each restart's labeling with the kept one's. */
  ariToBest: Float64Array;
  /** Mean and smallest ARI over all pairs of restarts (1 for a single restart). */
  meanPairwiseARI: number;
  minPairwiseARI: number;
}

/**
 * Seed sensitivity from the restarts' inertias and labelings (labels in 0..k−1).
 *
 * @throws SegworkError when `runs` is empty.
 * @example
 * seedSensitivityOf([
 *   { inertia: 10, labels: Int32Array.of(0, 0, 1, 1) },
 *   { inertia: 10, labels: Int32Array.of(1, 1, 0, 0) },
 * ], 2); // => { reachedBest: 2, relativeSpread: 0, meanPairwiseARI: 1, … }
 */
export function seedSensitivityOf(runs: readonly RestartRun[], k: number): SeedSensitivity {
  if (runs.length === 0) {
    throw badEvaluateOption("seed sensitivity", "runs", "0 runs", "at least one restart");
  }
  const inertias = Float64Array.from(runs, (r) => r.inertia);
  let bestRestart = 0;
  for (let r = 1; r < runs.length; r++) if (inertias[r]! < inertias[bestRestart]!) bestRestart = r;
  const best = inertias[bestRestart]!;
  const worst = Math.max(...inertias);
  const kept = runs[bestRestart]!.labels;
  const ariToBest = Float64Array.from(runs, (r) => adjustedRandOfCodes(r.labels, kept, k, k));
  let sum = 0;
  let min = 1;
  let pairs = 0;
  for (let a = 0; a < runs.length; a++) {
    for (let b = a + 1; b < runs.length; b++) {
      const ari =
        a === bestRestart
          ? ariToBest[b]!
          : b === bestRestart
            ? ariToBest[a]!
            : adjustedRandOfCodes(runs[a]!.labels, runs[b]!.labels, k, k);
      sum += ari;
      min = Math.min(min, ari);
      pairs++;
    }
  }
  return {
    k,
    restarts: runs.length,
    inertias,
    best,
    worst,
    relativeSpread: best > 0 ? (worst - best) / best : worst > 0 ? Infinity : 0,
    reachedBest: inertias.filter((v) => v - best <= SAME_INERTIA * Math.abs(best)).length,
    bestRestart,
    ariToBest,
    meanPairwiseARI: pairs > 0 ? sum / pairs : 1,
    minPairwiseARI: min,
  };
}

/**
 * Fits K-Means with `options` (the same fit as `kmeans(matrix, options)`,
 * byte for byte) while keeping every restart's labels, and measures how much
 * the restarts differ. Memory: one labeling per restart.
 *
 * @example
 * const { clustering, sensitivity } = seedSensitivity(prepared.scaled, { k: 4, restarts: 10, seed: 7 });
 * sensitivity.reachedBest; // => e.g. 7 (of 10 restarts found the best inertia)
 */
export function seedSensitivity(
  matrix: DenseMatrix,
  options: KMeansOptions,
): { clustering: Clustering; sensitivity: SeedSensitivity } {
  const runs: RestartRun[] = [];
  const clustering = kmeans(matrix, {
    ...options,
    onRestart: (restart, inertia, labels) => {
      runs.push({ inertia, labels: Int32Array.from(labels) });
      options.onRestart?.(restart, inertia, labels);
    },
  });
  return { clustering, sensitivity: seedSensitivityOf(runs, options.k) };
}
