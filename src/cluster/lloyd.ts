/**
 * One K-Means run from given centres: Lloyd iterations with either plain or
 * Hamerly (2010) assignment, scikit-learn's stopping rule and empty-cluster
 * repair (sklearn/cluster/_kmeans.py `_kmeans_single_lloyd`,
 * `_k_means_common.pyx` `_relocate_empty_clusters_dense`).
 *
 * Hamerly keeps, per row, an upper bound on the distance to its own centroid
 * and one lower bound on the distance to every other centroid, plus the
 * distances between centroids; a row whose bounds prove its label cannot
 * change is skipped, and a row that needs a scan skips the centroids the
 * triangle inequality rules out. The bounds carry an absolute slack that
 * covers floating-point error, so nothing is skipped unless it is certain;
 * ties and near-ties get the same distance comparisons as Lloyd, and the
 * labels — hence the sums, centroids and inertia — are byte-identical to
 * plain Lloyd's.
 *
 * Centroid sums are kept running through a run: an assignment only moves the
 * rows whose label changed from one cluster's sum to another's (chunk by
 * chunk, in chunk order), so rows skipped by the bounds cost no memory
 * traffic. The running sums differ from a fresh sum only by rounding (the
 * centroid-is-the-mean property test allows 1e-9 relative).
 */
import { availableParallelism } from "node:os";
import type { DenseMatrix } from "../shared/matrix.js";
import { KMEANS_DEFAULTS } from "./defaults.js";
import * as messages from "../shared/messages/cluster.js";
import { columnRanges, distanceScale, SLACK_PER_OPERATION, type ColumnRanges } from "./bounds.js";
import { Command, Scalar, type KernelState } from "./kernels.js";
import {
  chunkRowsFor,
  createKernelState,
  engineOf,
  serialRunner,
  sumChunkScalars,
  type ChunkRunner,
  type KMeansWorkspace,
} from "./state.js";
import { openParallelRunner } from "./thread-pool.js";
import type { IterationEvent, KMeansAlgorithm } from "./types.js";
import {
  validateAlgorithm,
  validateCentroids,
  validateMatrix,
  validatePositiveInteger,
  validateTolerance,
} from "./validate.js";

/** Columns up to which Hamerly is the default assignment (its bounds pay off in low dimension). */
export const HAMERLY_MAX_DEFAULT_COLUMNS = 32;

/**
 * Rows from which `threads > 1` actually uses worker threads. Below it the
 * calling thread alone wins: starting a worker costs ~50 ms quiet (140–190 ms
 * measured on the busy dev machine), each command hand-off 30–50 µs, and
 * the data is copied to shared memory once per fit, while a 10-restart fit
 * of 50,000 × 8 rows takes only ~0.3 s on one thread.
 */
export const PARALLEL_MIN_ROWS = 50_000;

/** Options of {@link lloyd}. */
export interface LloydOptions {
  /** Iterations at most. Default 300. */
  maxIterations?: number;
  /** Relative tolerance (× mean per-feature variance), as in KMeansOptions. Default 1e-4. */
  tolerance?: number;
  /** Default: "hamerly" up to 32 columns, else "lloyd". */
  algorithm?: KMeansAlgorithm;
  /** Threads for the assignment step. Default 1. */
  threads?: number;
  /** Called after each assignment step. */
  onIteration?: (event: IterationEvent) => void;
}

/** The outcome of one run. */
export interface LloydResult {
  /** k × cols centroids, row-major. */
  centroids: Float64Array;
  labels: Int32Array;
  /** Σ squared distance of each row to its centroid (final labels and centroids). */
  inertia: number;
  iterations: number;
  /** Labels stopped changing, or the centroid shift met the tolerance. */
  converged: boolean;
  emptyClusterRepairs: number;
  /** Chunks run by each engine (see `Clustering.engine`); set by {@link lloyd}. */
  engine?: { webassembly: number; javascript: number };
}

/** Settings of {@link runFromCentroids} that stay fixed over restarts. */
export interface RunSettings {
  algorithm: KMeansAlgorithm;
  maxIterations: number;
  /** Absolute tolerance on the summed squared centroid shift. */
  absoluteTolerance: number;
  /** Per-column minimum and maximum of the data (for the rounding margins). */
  ranges: ColumnRanges;
  onIteration?: (event: IterationEvent) => void;
  /** Reported in iteration events. */
  restart: number;
}

/** Run outcome; the labels are left in `state.labels`. */
export interface RunOutcome {
  centroids: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
  emptyClusterRepairs: number;
}

/** The default assignment strategy for a column count. */
export function defaultAlgorithm(cols: number): KMeansAlgorithm {
  return cols <= HAMERLY_MAX_DEFAULT_COLUMNS ? "hamerly" : "lloyd";
}

/**
 * scikit-learn's `_tolerance`: `tolerance` × the mean over columns of the
 * population variance (ddof = 0) of each column.
 */
export function absoluteTolerance(matrix: DenseMatrix, tolerance: number): number {
  if (tolerance === 0) return 0;
  const { rows: n, cols: d, data } = matrix;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j] /= n;
  const squares = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const e = data[i * d + j]! - mean[j]!;
      squares[j] += e * e;
    }
  }
  let total = 0;
  for (let j = 0; j < d; j++) total += squares[j]! / n;
  return (total / d) * tolerance;
}

/**
 * The absolute margin by which Hamerly's bounds must separate a row's own
 * centroid from the others before the row is skipped. Each bound is built
 * from at most `d + 8 + iteration` rounded operations on quantities no larger
 * than the distance scale (see `distanceScale`) plus the drift accumulated so
 * far, so its error stays below a few units in the last place of that size
 * per operation.
 */
function boundSlack(d: number, iteration: number, scale: number, cumulativeDrift: number): number {
  return SLACK_PER_OPERATION * (d + 8 + iteration) * (scale + cumulativeDrift);
}

/**
 * Applies the chunk changes of the last assignment, in chunk order, to the
 * running cluster sums and sizes. The running sums are kept over the whole
 * run (rows that keep their label are never re-added), so rows skipped by
 * Hamerly's bounds cost no memory traffic at all.
 */
function applyChunkChanges(state: KernelState, sums: Float64Array, counts: Float64Array): void {
  const kd = state.k * state.d;
  for (let c = 0; c < state.chunkCount; c++) {
    const sumBase = c * kd;
    for (let q = 0; q < kd; q++) sums[q] += state.chunkSums[sumBase + q]!;
    const countBase = c * state.k;
    for (let j = 0; j < state.k; j++) counts[j] += state.chunkCounts[countBase + j]!;
  }
}

/** Σ squared distance of each row to its labelled centroid (optionally kept per row in `pointValues`). */
function inertiaOf(state: KernelState, runner: ChunkRunner, record: boolean): number {
  state.scalars[Scalar.record] = record ? 1 : 0;
  runner.run(Command.inertia);
  state.scalars[Scalar.record] = 0;
  return sumChunkScalars(state);
}

/**
 * scikit-learn's `_relocate_empty_clusters_dense`: each empty cluster (in
 * index order) takes the row farthest from the centroid it was assigned to,
 * moving that row from its cluster's sum to the empty one. Unlike
 * scikit-learn, a row is only taken from a cluster that keeps at least one
 * row, so no cluster is left empty (and no centroid becomes NaN); ties go to
 * the lowest row index. The moved row's label follows it, and its Hamerly
 * bounds are reset to force a fresh look. Returns the number of rows moved.
 */
function relocateEmptyClusters(
  state: KernelState,
  runner: ChunkRunner,
  sums: Float64Array,
  counts: Float64Array,
  hamerly: boolean,
): number {
  const { k, d, n, X, labels } = state;
  let moved = 0;
  for (let empty = 0; empty < k; empty++) {
    if (counts[empty] !== 0) continue;
    if (moved === 0) inertiaOf(state, runner, true);
    const distance = state.pointValues;
    let far = -1;
    let farDistance = -Infinity;
    for (let i = 0; i < n; i++) {
      if (distance[i]! > farDistance && counts[labels[i]!]! > 1) {
        far = i;
        farDistance = distance[i]!;
      }
    }
    // n ≥ k guarantees a cluster with two or more rows while one is empty.
    const from = labels[far]!;
    for (let t = 0; t < d; t++) {
      const v = X[far * d + t]!;
      sums[from * d + t] -= v;
      // Set, not add: drop whatever rounding residue the emptied sum kept.
      sums[empty * d + t] = v;
    }
    counts[from]! -= 1;
    counts[empty] = 1;
    labels[far] = empty;
    distance[far] = -Infinity;
    if (hamerly) {
      state.upperOffset[far] = Infinity;
      state.lowerOffset[far] = -Infinity;
    }
    moved++;
  }
  return moved;
}

/**
 * M-step: new centroids = sums / counts into `next`; returns the squared
 * shift summed over clusters and writes each cluster's shift distance into
 * `drift`.
 */
function updateCentroids(
  state: KernelState,
  sums: Float64Array,
  counts: Float64Array,
  next: Float64Array,
  drift: Float64Array,
): number {
  const { k, d, centroids } = state;
  let shift = 0;
  for (let j = 0; j < k; j++) {
    const count = counts[j]!;
    let own = 0;
    for (let t = 0; t < d; t++) {
      const q = j * d + t;
      const value = sums[q]! / count;
      next[q] = value;
      const e = value - centroids[q]!;
      own += e * e;
    }
    drift[j] = Math.sqrt(own);
    shift += own;
  }
  return shift;
}

/**
 * Hamerly's per-update facts: adds each centroid's drift to its running
 * total, and to each cluster's `otherDriftTotal` the largest drift among the
 * other centroids (Hamerly's "second largest for the largest" rule); then
 * recomputes the distances between centroids and the half-gaps (half the
 * distance from each centroid to its nearest other centroid). Returns the
 * largest drift.
 */
function updateBoundFacts(state: KernelState, drift: Float64Array): number {
  const { k, d, centroids, driftTotal, otherDriftTotal, halfGap, centreDistances } = state;
  let maxDrift = 0;
  let secondDrift = 0;
  let maxCluster = 0;
  for (let j = 0; j < k; j++) {
    const p = drift[j]!;
    driftTotal[j] += p;
    if (p > maxDrift) {
      secondDrift = maxDrift;
      maxDrift = p;
      maxCluster = j;
    } else if (p > secondDrift) {
      secondDrift = p;
    }
  }
  for (let j = 0; j < k; j++) otherDriftTotal[j] += j === maxCluster ? secondDrift : maxDrift;
  halfGap.fill(Infinity);
  for (let a = 0; a < k; a++) {
    centreDistances[a * k + a] = 0;
    for (let b = a + 1; b < k; b++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const e = centroids[a * d + t]! - centroids[b * d + t]!;
        s += e * e;
      }
      const distance = Math.sqrt(s);
      centreDistances[a * k + b] = distance;
      centreDistances[b * k + a] = distance;
      if (0.5 * distance < halfGap[a]!) halfGap[a] = 0.5 * distance;
      if (0.5 * distance < halfGap[b]!) halfGap[b] = 0.5 * distance;
    }
  }
  return maxDrift;
}

/**
 * Runs Lloyd iterations from `initial` on a prepared state: assignment,
 * centroid update with empty-cluster repair, and scikit-learn's stopping
 * rule — stop when no label changed ("strict" convergence) or when the
 * squared centroid shift summed over clusters is ≤ the absolute tolerance;
 * unless strict, one more assignment so the labels match the centroids.
 * With `assigned`, the state already holds the first assignment to
 * `initial` (left by `seedInto(..., finish = true)`), and the run starts
 * from it instead of computing it again.
 */
export function runFromCentroids(
  state: KernelState,
  runner: ChunkRunner,
  initial: Float64Array,
  settings: RunSettings,
  assigned = false,
): RunOutcome {
  const { k, d } = state;
  const hamerly = settings.algorithm === "hamerly";
  const assignCommand = hamerly ? Command.assignHamerly : Command.assignLloyd;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const next = new Float64Array(k * d);
  const drift = new Float64Array(k);
  const scale = distanceScale(settings.ranges, initial);
  if (!assigned) state.labels.fill(-1);
  state.centroids.set(initial);
  state.driftTotal.fill(0);
  state.otherDriftTotal.fill(0);
  state.scalars[Scalar.record] = 0;
  let cumulativeDrift = 0;
  let iterations = 0;
  let repairs = 0;
  let strict = false;
  let shiftConverged = false;

  for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
    state.scalars[Scalar.firstPass] = iteration === 0 ? 1 : 0;
    if (!(assigned && iteration === 0)) runner.run(assignCommand);
    const changed = sumChunkScalars(state, 0);
    const fullScans = sumChunkScalars(state, 1);
    const assignedInertia = settings.onIteration ? inertiaOf(state, runner, false) : NaN;
    applyChunkChanges(state, sums, counts);
    const moved = relocateEmptyClusters(state, runner, sums, counts, hamerly);
    repairs += moved;
    const shift = updateCentroids(state, sums, counts, next, drift);
    state.centroids.set(next);
    iterations = iteration + 1;
    if (hamerly) {
      cumulativeDrift += updateBoundFacts(state, drift);
      state.scalars[Scalar.slack] = boundSlack(d, iterations, scale, cumulativeDrift);
    }
    settings.onIteration?.({
      restart: settings.restart,
      iteration,
      inertia: assignedInertia,
      changed,
      fullScans,
      centreShift: shift,
    });
    if (changed === 0 && moved === 0) {
      strict = true;
      break;
    }
    if (shift <= settings.absoluteTolerance) {
      shiftConverged = true;
      break;
    }
  }
  if (!strict) {
    state.scalars[Scalar.firstPass] = 0;
    runner.run(assignCommand);
  }
  return {
    centroids: Float64Array.from(state.centroids),
    inertia: inertiaOf(state, runner, false),
    iterations,
    converged: strict || shiftConverged,
    emptyClusterRepairs: repairs,
  };
}

/**
 * Opens a runner for `threads` (at most the number of CPUs): the calling
 * thread alone below `parallelMinRows` rows (default
 * {@link PARALLEL_MIN_ROWS}), when the data has a single chunk, during a
 * nested call, or when workers would not start (`threadsUnavailable`).
 */
export function openRunner(
  matrix: DenseMatrix,
  shape: { k: number; hamerly: boolean; maxTrials: number },
  threads: number,
  workspace?: KMeansWorkspace,
  parallelMinRows: number = PARALLEL_MIN_ROWS,
): { state: KernelState; runner: ChunkRunner; threadsUnavailable: boolean } {
  const chunks = Math.ceil(matrix.rows / chunkRowsFor(shape.k, matrix.cols));
  // More threads than CPUs only adds hand-offs; the result is the same either way.
  const usable = Math.min(threads, availableParallelism());
  if (usable > 1 && chunks > 1 && matrix.rows >= parallelMinRows) {
    const state = createKernelState(matrix, { ...shape, shared: true }, workspace);
    const runner = openParallelRunner(state, usable);
    if (typeof runner !== "string") return { state, runner, threadsUnavailable: false };
    return { state, runner: serialRunner(state), threadsUnavailable: runner === "failed" };
  }
  const state = createKernelState(matrix, { ...shape, shared: false }, workspace);
  return { state, runner: serialRunner(state), threadsUnavailable: false };
}

/**
 * K-Means iterations from given initial centroids (one run, no restarts):
 * Lloyd's algorithm with Hamerly's bounds by default, scikit-learn's
 * stopping rule and inertia.
 *
 * @param matrix - n × d rows, finite values.
 * @param initialCentroids - k × d starting centres, row-major.
 * @param options - iterations, tolerance, algorithm, threads, trace hook.
 * @returns centroids, labels, inertia, iterations, convergence, repairs.
 * @throws SegworkError for NaN/±Infinity, k out of range or bad options.
 * @example
 * const m = fromRows([[0], [1], [9], [10]]);
 * lloyd(m, Float64Array.of(0, 1), {}).centroids; // => Float64Array [0.5, 9.5]
 */
export function lloyd(
  matrix: DenseMatrix,
  initialCentroids: Float64Array,
  options: LloydOptions = {},
): LloydResult {
  validateMatrix(matrix);
  const k = initialCentroids.length / matrix.cols;
  if (!Number.isInteger(k) || k < 1) {
    throw messages.centroidsNotRows("initialCentroids", initialCentroids.length, matrix.cols);
  }
  if (k > matrix.rows) throw messages.kTooLarge(k, matrix.rows);
  validateCentroids("initialCentroids", initialCentroids, k, matrix.cols);
  const maxIterations = options.maxIterations ?? KMEANS_DEFAULTS.maxIterations;
  validatePositiveInteger("maxIterations", maxIterations);
  const tolerance = options.tolerance ?? KMEANS_DEFAULTS.tolerance;
  validateTolerance(tolerance);
  const threads = options.threads ?? KMEANS_DEFAULTS.threads;
  validatePositiveInteger("threads", threads);
  const algorithm = options.algorithm ?? defaultAlgorithm(matrix.cols);
  validateAlgorithm(algorithm);
  const ranges = columnRanges(matrix);
  const { state, runner } = openRunner(
    matrix,
    { k, hamerly: algorithm === "hamerly", maxTrials: 0 },
    threads,
  );
  try {
    const outcome = runFromCentroids(state, runner, initialCentroids, {
      algorithm,
      maxIterations,
      absoluteTolerance: absoluteTolerance(matrix, tolerance),
      ranges,
      onIteration: options.onIteration,
      restart: 0,
    });
    return { ...outcome, labels: Int32Array.from(state.labels), engine: engineOf(state) };
  } finally {
    runner.close();
  }
}
