/**
 * The settings of a K-Means fit shared by the sweep and cluster workflows,
 * with their defaults taken from the stages (one source for each default).
 */
import { validatePositiveInteger } from "../cluster/validate.js";
import { SWEEP_DEFAULTS } from "../evaluate/sweep.js";
import { withDefaults } from "../shared/defaults.js";

/** How each K-Means is fitted and scored. */
export interface FitSettings {
  /** k-means++ restarts per k; the lowest inertia is kept. */
  restarts: number;
  /** Random seed: the same seed gives byte-identical results. */
  seed: number;
  maxIterations: number;
  tolerance: number;
  /** Rows for the silhouette (exact up to this many). */
  silhouetteSampleSize: number;
  /** Worker threads (results are identical for any count). */
  threads: number;
}

/** The defaults of {@link FitSettings}: 10 restarts, seed 0, 300 iterations, 1e-4, 10,000 rows, 1 thread. */
export const FIT_DEFAULTS: FitSettings = {
  restarts: SWEEP_DEFAULTS.restarts,
  seed: SWEEP_DEFAULTS.seed,
  maxIterations: SWEEP_DEFAULTS.maxIterations,
  tolerance: SWEEP_DEFAULTS.tolerance,
  silhouetteSampleSize: SWEEP_DEFAULTS.silhouetteSampleSize,
  threads: SWEEP_DEFAULTS.threads,
};

/**
 * Fills unset settings with {@link FIT_DEFAULTS}. The kernel checks the
 * values it uses; the silhouette sample is checked here (it needs ≥ 2 rows).
 *
 * @example
 * fitSettingsOf({ seed: 7 }).restarts // => 10
 */
export function fitSettingsOf(settings: Partial<FitSettings> = {}): FitSettings {
  const filled = withDefaults(FIT_DEFAULTS, settings);
  validatePositiveInteger("silhouetteSampleSize", filled.silhouetteSampleSize);
  return filled;
}
