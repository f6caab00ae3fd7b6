import type { DenseMatrix } from "../shared/matrix.js";

/** Options for {@link kmeans}. Defaults follow scikit-learn's `KMeans` where it has one. */
export interface KMeansOptions {
  /** Number of clusters, 2 ≤ k ≤ rows. */
  k: number;
  /** Independent k-means++ runs; the one with the lowest inertia is kept (sklearn `n_init`). Default 10. */
  restarts?: number;
  /** Seed of the only random source; same seed → identical result. Default 0. */
  seed?: number;
  /** Lloyd iterations per run at most. Default 300. */
  maxIterations?: number;
  /**
   * Relative tolerance: a run stops when the squared centroid shift summed over
   * clusters is ≤ tolerance × mean per-feature variance of the data (sklearn's
   * `_tolerance`). Default 1e-4.
   */
  tolerance?: number;
  /** Start from these centres (k × cols, row-major) instead of k-means++; restarts is then 1. */
  initialCentroids?: Float64Array;
  /** Called after each restart finishes. */
  onRestart?: (restart: number, inertia: number) => void;
}

/** The result of a K-Means fit. */
export interface Clustering {
  k: number;
  /** k × cols centroids in the space of the input matrix, row-major. */
  centroids: Float64Array;
  /** Cluster of each row, 0..k-1. */
  labels: Int32Array;
  /** Sum of squared distances of rows to their centroid (sklearn `inertia_`). */
  inertia: number;
  /** Lloyd iterations of the kept run. */
  iterations: number;
  /** Whether the kept run met the tolerance before maxIterations. */
  converged: boolean;
  /** Best-so-far inertia of every restart, in restart order. */
  restartInertias: number[];
  /** Times an empty cluster was re-seeded with the farthest point. */
  emptyClusterRepairs: number;
}

export type { DenseMatrix };
