/**
 * Scoring rows with a saved model: the nearest centroid of each row.
 */
import type { DenseMatrix } from "../shared/matrix.js";
import { Command, Scalar } from "./kernels.js";
import { createKernelState, serialRunner } from "./state.js";
import { validateCentroids, validateMatrix, validatePositiveInteger } from "./validate.js";

/** Labels and distances from {@link assignToNearest}. */
export interface Assignment {
  /** Index of the nearest centroid of each row (ties → the lowest index). */
  labels: Int32Array;
  /** Euclidean (not squared) distance of each row to that centroid. */
  distances: Float64Array;
}

/**
 * Assigns every row of `matrix` to its nearest centroid — the same
 * computation (and the same tie rule) as the assignment step of {@link kmeans},
 * so refitting-free scoring of the training rows reproduces the fit's labels.
 *
 * @param matrix - n × d rows, scaled like the training data, finite values.
 * @param centroids - k × d centroids, row-major (e.g. `Clustering.centroids`).
 * @param k - number of centroids (≥ 1).
 * @returns labels in [0, k) and Euclidean distances.
 * @throws SegworkError if k is not a whole number ≥ 1, the centroids are not
 *   k × d, or the matrix or centroids hold NaN/±Infinity.
 * @example
 * const { labels, distances } = assignToNearest(fromRows([[0], [9]]), Float64Array.of(1, 10), 2);
 * // labels = [0, 1]; distances = [1, 1]
 */
export function assignToNearest(
  matrix: DenseMatrix,
  centroids: Float64Array,
  k: number,
): Assignment {
  validatePositiveInteger("k", k);
  validateMatrix(matrix);
  validateCentroids("centroids", centroids, k, matrix.cols);
  const state = createKernelState(matrix, { k, hamerly: false, maxTrials: 0, shared: false });
  state.centroids.set(centroids);
  state.scalars[Scalar.record] = 1;
  serialRunner(state).run(Command.assignLloyd);
  const distances = state.pointValues;
  for (let i = 0; i < distances.length; i++) distances[i] = Math.sqrt(distances[i]!);
  return { labels: state.labels, distances };
}
