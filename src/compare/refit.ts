/**
 * Refitting K-Means on a later period with names kept stable: the period's
 * table is scaled with the model's saved scaler (so every period's centroids
 * live in the same z units), K-Means runs at the model's k, and its clusters
 * are renumbered to the previous period's by least total centroid distance.
 */
import { kmeans } from "../cluster/index.js";
import { gradeTable, RowStatus, type SegworkModel } from "../grade/index.js";
import type { Table } from "../load/types.js";
import { applyScaler } from "../prepare/scaler.js";
import { matchCentroids, type CentroidMatch } from "./centroid-match.js";

/** Options of {@link refitClusters}; K-Means defaults as in `segwork cluster`. */
export interface RefitOptions {
  seed?: number;
  restarts?: number;
  maxIterations?: number;
  tolerance?: number;
  threads?: number;
}

/** Defaults of {@link RefitOptions}. */
export const REFIT_DEFAULTS: Required<RefitOptions> = {
  seed: 0,
  restarts: 10,
  maxIterations: 300,
  tolerance: 1e-4,
  threads: 1,
};

/** Result of {@link refitClusters}. */
export interface Refit {
  /** Cluster per row under the previous period's numbering; −1 for a row the model cannot scale. */
  cluster: Int32Array;
  /** k × d centroids in the model's scaled space, row c = cluster c (pass to the next period). */
  centroids: Float64Array;
  match: CentroidMatch;
  inertia: number;
  iterations: number;
  converged: boolean;
  /** Rows clustered (the others have a missing value or an undefined log1p). */
  scored: number;
}

/**
 * Refits K-Means at `model.k` on `table` and names the clusters after the
 * previous period's centroids (`previous`, k × d in the model's scaled
 * space; the model's own centroids for the first refit).
 *
 * @throws SegworkError as `gradeTable` (invalid model, missing feature) and
 *   as `kmeans` (fewer scorable rows than k).
 * @example
 * const r = refitClusters(model, q2, centroidMatrix(model), { seed: 7 });
 * r.match.pairs.map((p) => p.drift); // => drift of each cluster in z units
 */
export function refitClusters(
  model: SegworkModel,
  table: Table,
  previous: Float64Array,
  options: RefitOptions = {},
): Refit {
  const o = { ...REFIT_DEFAULTS, ...options };
  // gradeTable validates the model and finds the rows the saved scaler can transform.
  const { status } = gradeTable(model, table);
  const d = model.features.length;
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) if (status[i] === RowStatus.scored) rows.push(i);
  const original = new Float64Array(rows.length * d);
  rows.forEach((i, r) => {
    model.features.forEach((f, j) => (original[r * d + j] = table.columns[f]![i]!));
  });
  const scaled = applyScaler(model.scaler, { data: original, rows: rows.length, cols: d });
  const fit = kmeans(scaled, {
    k: model.k,
    seed: o.seed,
    restarts: o.restarts,
    maxIterations: o.maxIterations,
    tolerance: o.tolerance,
    threads: o.threads,
  });
  const match = matchCentroids(previous, fit.centroids, model.k, d);
  const cluster = new Int32Array(table.rowCount).fill(-1);
  rows.forEach((i, r) => (cluster[i] = match.previousOf[fit.labels[r]!]!));
  const centroids = new Float64Array(model.k * d);
  for (let j = 0; j < model.k; j++) {
    centroids.set(fit.centroids.subarray(j * d, j * d + d), match.previousOf[j]! * d);
  }
  return {
    cluster,
    centroids,
    match,
    inertia: fit.inertia,
    iterations: fit.iterations,
    converged: fit.converged,
    scored: rows.length,
  };
}
