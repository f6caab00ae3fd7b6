import type { Clustering } from "../../cluster/types.js";
import type { ProfiledClustering } from "../../evaluate/profiles.js";
import type { Prepared, ScalerParameters } from "../../prepare/types.js";

/** The saved model: everything needed to assign a later table to the same clusters. */
export interface SegworkModel {
  format: "segwork-model";
  formatVersion: 1;
  segworkVersion: string;
  fit: {
    command: string;
    source: string;
    rows: number;
    seed: number;
    restarts: number;
    maxIterations: number;
    tolerance: number;
    inertia: number;
    iterations: number;
    converged: boolean;
  };
  features: string[];
  scaler: ScalerParameters;
  k: number;
  orderedBy: string;
  clusters: {
    cluster: number;
    label: string;
    size: number;
    share: number;
    centroidScaled: number[];
    centroidOriginal: number[];
  }[];
}

export function buildModel(
  prepared: Prepared,
  clustering: Clustering,
  profiled: ProfiledClustering,
  fit: {
    command: string;
    version: string;
    seed: number;
    restarts: number;
    maxIterations: number;
    tolerance: number;
  },
): SegworkModel {
  const d = prepared.features.length;
  return {
    format: "segwork-model",
    formatVersion: 1,
    segworkVersion: fit.version,
    fit: {
      command: fit.command,
      source: prepared.summary.source,
      rows: prepared.ids.length,
      seed: fit.seed,
      restarts: fit.restarts,
      maxIterations: fit.maxIterations,
      tolerance: fit.tolerance,
      inertia: clustering.inertia,
      iterations: clustering.iterations,
      converged: clustering.converged,
    },
    features: prepared.features,
    scaler: prepared.scaler,
    k: clustering.k,
    orderedBy: profiled.profiles.orderedBy,
    clusters: profiled.profiles.clusters.map((c) => ({
      cluster: c.cluster,
      label: c.label,
      size: c.size,
      share: c.share,
      centroidScaled: Array.from(
        profiled.centroidsScaled.subarray(c.cluster * d, c.cluster * d + d),
      ),
      centroidOriginal: Array.from(
        profiled.centroidsOriginal.subarray(c.cluster * d, c.cluster * d + d),
      ),
    })),
  };
}
