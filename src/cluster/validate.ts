/**
 * Checks of K-Means inputs and options; each failure is a SegworkError from
 * the cluster message catalogue.
 */
import * as messages from "../shared/messages/cluster.js";
import type { DenseMatrix } from "../shared/matrix.js";
import type { KMeansAlgorithm } from "./types.js";

/**
 * Throws unless the matrix has rows and columns and every value is finite.
 * @throws SegworkError naming the first NaN/±Infinity by row and column index.
 * @throws RangeError if `data` does not hold rows × cols values.
 */
export function validateMatrix(matrix: DenseMatrix): void {
  const { rows, cols, data } = matrix;
  if (rows < 1 || cols < 1) throw messages.emptyMatrix(rows, cols);
  // A malformed DenseMatrix is a programming error, not a user error.
  if (data.length !== rows * cols)
    throw new RangeError(`matrix data has ${data.length} values, expected ${rows}×${cols}`);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    // v - v is 0 for finite v and NaN for NaN/±Infinity: one comparison per value.
    if (v - v !== 0) throw messages.nonFiniteValue(Math.floor(i / cols), i % cols, v);
  }
}

/** Throws unless k is a whole number with 2 ≤ k ≤ rows. */
export function validateK(k: number, rows: number): void {
  if (!Number.isInteger(k)) throw messages.kNotInteger(k);
  if (k < 2) throw messages.kTooSmall(k);
  if (k > rows) throw messages.kTooLarge(k, rows);
}

/**
 * Throws unless `kMin..kMax` is a range of whole numbers with 2 ≤ kMin ≤ kMax
 * (the check that needs no data; {@link validateK} on kMax follows once the
 * rows are known).
 */
export function validateKRange(kMin: number, kMax: number): void {
  if (!Number.isInteger(kMin)) throw messages.kNotInteger(kMin);
  if (!Number.isInteger(kMax)) throw messages.kNotInteger(kMax);
  if (kMin < 2) throw messages.kTooSmall(kMin);
  if (kMax < kMin) throw messages.kRangeReversed(kMin, kMax);
}

/** Throws unless `value` is a whole number ≥ 1. */
export function validatePositiveInteger(key: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw messages.notPositiveInteger(key, value);
}

/** Throws unless the relative tolerance is finite and ≥ 0. */
export function validateTolerance(tolerance: number): void {
  if (!Number.isFinite(tolerance) || tolerance < 0) throw messages.badTolerance(tolerance);
}

/** Throws unless the seed is a whole number. */
export function validateSeed(seed: number): void {
  if (!Number.isInteger(seed)) throw messages.seedNotInteger(seed);
}

/** Throws unless the algorithm name is known. */
export function validateAlgorithm(algorithm: string): asserts algorithm is KMeansAlgorithm {
  if (algorithm !== "lloyd" && algorithm !== "hamerly") throw messages.unknownAlgorithm(algorithm);
}

/** Throws unless `centroids` holds k × cols finite values. */
export function validateCentroids(
  key: string,
  centroids: Float64Array,
  k: number,
  cols: number,
): void {
  if (centroids.length !== k * cols) throw messages.centroidsShape(key, centroids.length, k, cols);
  for (let i = 0; i < centroids.length; i++) {
    const v = centroids[i]!;
    if (v - v !== 0) throw messages.nonFiniteCentroid(key, Math.floor(i / cols), i % cols, v);
  }
}
