/**
 * Per-cluster stability of one clustering for the profile table: the
 * bootstrap stage's mean Jaccard of each cluster (fpc::clusterboot's
 * `bootmean`) with Hennig's reading, numbered as the report numbers clusters.
 */
import {
  clusterStability,
  STABILITY_DEFAULTS,
  type StabilityResult,
} from "../evaluate/stability.js";
import type { ProfiledClustering } from "../evaluate/profiles.js";
import type { Clustering } from "../cluster/types.js";
import type { Prepared } from "../prepare/types.js";
import type { ClusterStabilityData } from "../report/sections/profile-table.js";
import * as msg from "../shared/messages/workflows.js";
import type { FitSettings } from "./kmeans-settings.js";
import type { RunContext } from "./run.js";

/**
 * Stability needs this many rows per k: a bootstrap draw of fewer rows may
 * hold fewer distinct rows than k, which K-Means cannot split into k
 * clusters (tiny test tables, not client data).
 */
export const STABILITY_ROWS_PER_K = 5;

/** Bootstrap stability settings: `false` switches it off; unset numbers take `STABILITY_DEFAULTS`. */
export type StabilitySettings = false | { resamples?: number; sampleSize?: number | null };

/**
 * The profile table's stability column from one k's stability, its clusters
 * renumbered from fitted to reported (`renumber[fitted] = reported`).
 *
 * @example
 * stabilityColumn(result, 0, profiled.renumber).clusters[0].verdict; // => e.g. "highly-stable"
 */
export function stabilityColumn(
  result: StabilityResult,
  index: number,
  renumber: Int32Array,
): ClusterStabilityData {
  const perK = result.perK[index]!;
  const clusters = Array.from(perK.clusterJaccard, (jaccard, fitted) => ({
    cluster: renumber[fitted]!,
    jaccard,
    verdict: perK.verdicts[fitted]!,
  })).sort((a, b) => a.cluster - b.cluster);
  return { resamples: result.resamples, rows: result.rows, sampled: result.sampled, clusters };
}

/**
 * The stability column for the sweep's k, when its stability ran on that
 * very fit (the sweep's): what `sweep` and `demo` put on the recommended
 * clustering's profile table, at no extra cost.
 *
 * @example
 * stabilityAtK(run.stability, 3, recommended.profiled.renumber)?.clusters.length; // => 3
 */
export function stabilityAtK(
  result: StabilityResult | undefined,
  k: number,
  renumber: Int32Array,
): ClusterStabilityData | undefined {
  const at = result?.perK.findIndex((s) => s.k === k) ?? -1;
  return result && at >= 0 ? stabilityColumn(result, at, renumber) : undefined;
}

/**
 * Bootstrap stability of the fits of `ks` (`reference(k)`: the fit's labels),
 * with the run's seed and K-Means settings and progress per resample.
 *
 * @example
 * stabilityOfFits(prepared, [2, 3], settings, context, {}, (k) => fits.get(k)?.labels).perK.length; // => 2
 */
export function stabilityOfFits(
  prepared: Prepared,
  ks: readonly number[],
  settings: FitSettings,
  context: RunContext,
  options: { resamples?: number; sampleSize?: number | null },
  reference: (k: number) => Int32Array | undefined,
): StabilityResult {
  const result = clusterStability(prepared.scaled, {
    ks,
    seed: settings.seed,
    resamples: options.resamples ?? STABILITY_DEFAULTS.resamples,
    sampleSize:
      options.sampleSize === undefined ? STABILITY_DEFAULTS.sampleSize : options.sampleSize,
    maxIterations: settings.maxIterations,
    tolerance: settings.tolerance,
    threads: settings.threads,
    reference,
    onProgress: (done, total) =>
      context.progress.step("stability", done, total, `resample ${done}`),
  });
  context.progress.done();
  return result;
}

/**
 * Bootstrap stability of a fitted clustering's clusters (B = 20 resamples on
 * a seeded sample of 20,000 rows by default, as in `sweep`), judged against
 * the fit itself; undefined when switched off or the table is too small (with
 * a note).
 *
 * @example
 * clusterStabilityOf(prepared, run.clustering, run.profiled, settings, context, {})?.clusters.length; // => k
 */
export function clusterStabilityOf(
  prepared: Prepared,
  clustering: Clustering,
  profiled: ProfiledClustering,
  settings: FitSettings,
  context: RunContext,
  options: StabilitySettings = {},
): ClusterStabilityData | undefined {
  if (options === false) return undefined;
  const { k } = clustering;
  const needed = STABILITY_ROWS_PER_K * k;
  if (prepared.scaled.rows < needed) {
    context.progress.note(msg.stabilitySkipped(prepared.scaled.rows, k, needed));
    return undefined;
  }
  const result = stabilityOfFits(
    prepared,
    [k],
    settings,
    context,
    options,
    () => clustering.labels,
  );
  return stabilityColumn(result, 0, profiled.renumber);
}
