/**
 * Messages of the cluster stage (K-Means). Errors name the option (as the
 * `key` of the location) or the row and column index of the matrix, in the
 * style of scikit-learn's parameter checks, and say what to do.
 */
import { SegworkError } from "../errors.js";

export const _stage = "cluster";

/**
 * k is below 2.
 * @example kTooSmall(1).message // => "k=1 must be at least 2: K-Means needs two or more clusters."
 */
export function kTooSmall(k: number): SegworkError {
  return new SegworkError(
    "cluster.k-too-small",
    `k=${k} must be at least 2: K-Means needs two or more clusters.`,
    {
      key: "k",
      value: String(k),
    },
  );
}

/**
 * k is not a whole number (or not a number at all).
 * @example kNotInteger(2.5).message // => "k=2.5 must be a whole number."
 */
export function kNotInteger(k: number): SegworkError {
  return new SegworkError("cluster.k-not-integer", `k=${k} must be a whole number.`, {
    key: "k",
    value: String(k),
  });
}

/**
 * k exceeds the number of rows.
 * @example kTooLarge(5, 3).message // => "k=5 is larger than the number of rows after cleaning (3); choose k ≤ 3."
 */
export function kTooLarge(k: number, rows: number): SegworkError {
  return new SegworkError(
    "cluster.k-too-large",
    `k=${k} is larger than the number of rows after cleaning (${rows}); choose k ≤ ${rows}.`,
    { key: "k", value: String(k) },
  );
}

/**
 * A k range whose end is below its start.
 * @example kRangeReversed(5, 3).message // => "the k range 5..3 ends below its start; write it as 3..5."
 */
export function kRangeReversed(kMin: number, kMax: number): SegworkError {
  return new SegworkError(
    "cluster.k-range-reversed",
    `the k range ${kMin}..${kMax} ends below its start; write it as ${kMax}..${kMin}.`,
    { key: "k", value: `${kMin}..${kMax}` },
  );
}

/**
 * A count option (restarts, maxIterations, threads, trials) is not a whole number ≥ 1.
 * @example notPositiveInteger("restarts", 0).message // => "restarts=0 must be a whole number ≥ 1."
 */
export function notPositiveInteger(key: string, value: number): SegworkError {
  return new SegworkError(
    "cluster.not-positive-integer",
    `${key}=${value} must be a whole number ≥ 1.`,
    {
      key,
      value: String(value),
    },
  );
}

/**
 * The seed is not a whole number.
 * @example seedNotInteger(1.5).message // => "seed=1.5 must be a whole number."
 */
export function seedNotInteger(seed: number): SegworkError {
  return new SegworkError("cluster.seed-not-integer", `seed=${seed} must be a whole number.`, {
    key: "seed",
    value: String(seed),
  });
}

/**
 * The tolerance is negative or not finite.
 * @example badTolerance(-1).message // => "tolerance=-1 must be a finite number ≥ 0 (default 1e-4)."
 */
export function badTolerance(tolerance: number): SegworkError {
  return new SegworkError(
    "cluster.bad-tolerance",
    `tolerance=${tolerance} must be a finite number ≥ 0 (default 1e-4).`,
    {
      key: "tolerance",
      value: String(tolerance),
    },
  );
}

/**
 * An unknown assignment algorithm.
 * @example unknownAlgorithm("elkan").message // => 'algorithm="elkan" is not known; use "hamerly" or "lloyd".'
 */
export function unknownAlgorithm(algorithm: string): SegworkError {
  return new SegworkError(
    "cluster.unknown-algorithm",
    `algorithm="${algorithm}" is not known; use "hamerly" or "lloyd".`,
    {
      key: "algorithm",
      value: algorithm,
    },
  );
}

/**
 * The matrix has no rows or no columns.
 * @example emptyMatrix(0, 3).message // => "Cannot cluster an empty matrix (0 rows × 3 columns): K-Means needs at least one row and one column."
 */
export function emptyMatrix(rows: number, cols: number): SegworkError {
  return new SegworkError(
    "cluster.empty-matrix",
    `Cannot cluster an empty matrix (${rows} rows × ${cols} columns): K-Means needs at least one row and one column.`,
  );
}

/**
 * A NaN or ±Infinity in the matrix (indices are 0-based, as in the matrix).
 * @example nonFiniteValue(3, 1, NaN).message // => "The matrix holds NaN at row index 3, column index 1 (0-based); K-Means needs finite numbers. Impute or drop missing values before clustering."
 */
export function nonFiniteValue(row: number, column: number, value: number): SegworkError {
  return new SegworkError(
    "cluster.non-finite",
    `The matrix holds ${value} at row index ${row}, column index ${column} (0-based); K-Means needs finite numbers. Impute or drop missing values before clustering.`,
    // InputLocation rows are 1-based file rows; matrix indices are not file rows, so only the value is kept.
    { value: String(value) },
  );
}

/**
 * Centroids (given as initial centres, or a saved model's) of the wrong size.
 * @example centroidsShape("initialCentroids", 5, 3, 2).message // => "initialCentroids has 5 values; expected k × columns = 3 × 2 = 6."
 */
export function centroidsShape(key: string, length: number, k: number, cols: number): SegworkError {
  return new SegworkError(
    "cluster.centroids-shape",
    `${key} has ${length} values; expected k × columns = ${k} × ${cols} = ${k * cols}.`,
    { key, value: String(length) },
  );
}

/**
 * Centroids whose length is not a whole, positive number of rows.
 * @example centroidsNotRows("initialCentroids", 5, 2).message // => "initialCentroids has 5 values, which is not a whole number (≥ 1) of centroids of 2 columns."
 */
export function centroidsNotRows(key: string, length: number, cols: number): SegworkError {
  return new SegworkError(
    "cluster.centroids-shape",
    `${key} has ${length} values, which is not a whole number (≥ 1) of centroids of ${cols} columns.`,
    { key, value: String(length) },
  );
}

/**
 * A NaN or ±Infinity in given centroids.
 * @example nonFiniteCentroid("initialCentroids", 1, 0, NaN).message // => "initialCentroids holds NaN at centroid 1, column index 0 (0-based); centroids must be finite."
 */
export function nonFiniteCentroid(
  key: string,
  centroid: number,
  column: number,
  value: number,
): SegworkError {
  return new SegworkError(
    "cluster.non-finite-centroid",
    `${key} holds ${value} at centroid ${centroid}, column index ${column} (0-based); centroids must be finite.`,
    { key, value: String(value) },
  );
}

// ── Warnings (strings) ──────────────────────────────────────────────────────

/**
 * Fewer distinct labels than k in the result (scikit-learn's ConvergenceWarning).
 * @example fewerDistinctClusters(3, 4) // => "Number of distinct clusters (3) found smaller than k (4), possibly due to duplicate rows; choose a smaller k."
 */
export function fewerDistinctClusters(found: number, k: number): string {
  return `Number of distinct clusters (${found}) found smaller than k (${k}), possibly due to duplicate rows; choose a smaller k.`;
}

/**
 * Initial centroids were given together with several restarts.
 * @example restartsIgnored(10) // => "initialCentroids given: performing 1 run instead of restarts=10."
 */
export function restartsIgnored(restarts: number): string {
  return `initialCentroids given: performing 1 run instead of restarts=${restarts}.`;
}

/**
 * Worker threads could not be started; the fit ran on one thread (same result).
 * @example threadsUnavailable(2) // => "threads=2 requested but worker threads could not be started; ran on one thread (the result is the same)."
 */
export function threadsUnavailable(threads: number): string {
  return `threads=${threads} requested but worker threads could not be started; ran on one thread (the result is the same).`;
}

/**
 * A worker thread of a parallel K-Means run stopped (out of memory, killed,
 * `process.exit`) before the run finished. Not an input error: exit code 70,
 * as for internal errors, but one line.
 *
 * @example
 * workerStopped("it exited with code 1").message;
 * // => "A K-Means worker thread stopped before the run finished (it exited with code 1), so the run was abandoned. Run it again; if it keeps happening (for example out of memory), use --threads 1."
 */
export function workerStopped(reason: string): SegworkError {
  return new SegworkError(
    "cluster.worker-stopped",
    `A K-Means worker thread stopped before the run finished (${reason}), so the run was abandoned. Run it again; if it keeps happening (for example out of memory), use --threads 1.`,
    { key: "threads" },
    70,
  );
}
