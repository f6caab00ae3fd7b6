import type { DenseMatrix } from "../shared/matrix.js";
import type { KMeansWorkspace } from "./state.js";

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
  /**
   * Called after each restart finishes, with the 0-based restart, that run's
   * own inertia and its labels. `labels` is the kernel's working array, valid
   * only during the call (copy it to keep it); reading it costs the default
   * path nothing.
   */
  onRestart?: (restart: number, inertia: number, labels: Int32Array) => void;
  /**
   * Assignment step: `"hamerly"` (Hamerly 2010 bounds; skips most distance
   * computations, same labels as Lloyd) or `"lloyd"` (every distance, every
   * iteration). Default: `"hamerly"` up to 32 columns, `"lloyd"` above.
   */
  algorithm?: KMeansAlgorithm;
  /**
   * Threads for the assignment and seeding passes (the calling thread plus
   * `threads - 1` worker threads sharing the data; at most the number of
   * CPUs). Results are byte-identical for every thread count. Inputs below
   * `PARALLEL_MIN_ROWS` rows always run on the calling thread. Default 1.
   */
  threads?: number;
  /**
   * Rows from which `threads > 1` actually uses worker threads. Default
   * `PARALLEL_MIN_ROWS` (50,000), set for a single fit that may have to
   * start the workers; a caller running many fits on warm workers (the gap
   * statistic's reference sets) may lower it. Results are the same either way.
   */
  parallelMinRows?: number;
  /** Called after every assignment step of every run (for traces and tests; costs one extra pass). */
  onIteration?: (event: IterationEvent) => void;
  /**
   * Per-row working arrays to reuse from an earlier fit on the same rows (a
   * sweep over k); results are the same with or without it.
   */
  workspace?: KMeansWorkspace;
}

/** The two assignment strategies; both give the same result from the same start. */
export type KMeansAlgorithm = "lloyd" | "hamerly";

/** What {@link KMeansOptions.onIteration} reports after an assignment step. */
export interface IterationEvent {
  /** 0-based restart. */
  restart: number;
  /** 0-based iteration within the run. */
  iteration: number;
  /**
   * Sum of squared distances of every row to the centroid it was just assigned
   * to (the centroids entering this iteration). Never increases within a run.
   */
  inertia: number;
  /** Rows whose label changed in this assignment step. */
  changed: number;
  /** Rows whose distance to every centroid was computed (all rows for Lloyd; Hamerly skips the rest). */
  fullScans: number;
  /** Squared centroid shift summed over clusters in the update that followed. */
  centreShift: number;
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
  /** Times an empty cluster was re-seeded with the farthest point, summed over all restarts. */
  emptyClusterRepairs: number;
  /**
   * Non-fatal findings, e.g. fewer distinct clusters than k (duplicate rows).
   * Always set by {@link kmeans}; optional only so that hand-built values stay valid.
   */
  warnings?: string[];
  /** The assignment strategy that was used. */
  algorithm?: KMeansAlgorithm;
  /** Threads that actually ran the assignment step (1 below the row threshold or without workers). */
  threads?: number;
  /**
   * Which engine ran the hot passes: chunks run by the WebAssembly SIMD
   * kernels and by JavaScript ones (passes without a SIMD version, rows over
   * 32 columns, or `SEGWORK_NO_WASM=1`). Both engines give the same bits.
   */
  engine?: { webassembly: number; javascript: number };
}

export type { DenseMatrix };
