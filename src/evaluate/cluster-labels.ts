/**
 * Validation shared by the cluster-quality indices: labels must be integers in
 * [0, k), one per row, and (as in scikit-learn's `check_number_of_labels`) the
 * number of non-empty clusters must lie in 2..rows-1.
 */
import {
  badClusterCount,
  invalidLabelCount,
  labelOutOfRange,
  labelsLengthMismatch,
} from "../shared/messages/evaluate.js";

/** Cluster sizes of a labelling, with the number of non-empty clusters. */
export interface ClusterSizes {
  /** sizes[c] = number of rows labelled c, for c in 0..k-1. */
  sizes: Float64Array;
  /** Clusters with at least one row (scikit-learn's `n_labels`). */
  nonEmpty: number;
}

/**
 * Counts rows per cluster and checks the labelling is one an index is defined for.
 * Empty clusters are allowed and skipped, matching scikit-learn, which re-encodes
 * the labels it sees.
 *
 * @param metric Name used in the error message, e.g. "Silhouette".
 * @throws SegworkError when k is not a positive integer, when labels and rows
 *   differ in length, when a label is outside 0..k-1, or when fewer than 2 or
 *   more than rows-1 clusters are non-empty.
 * @example
 * clusterSizes(Int32Array.from([0, 0, 2]), 3, 3, "Silhouette"); // sizes [2, 0, 1], nonEmpty 2
 */
export function clusterSizes(
  labels: Int32Array,
  k: number,
  rows: number,
  metric: string,
): ClusterSizes {
  if (!Number.isInteger(k) || k < 1) throw badClusterCount(k);
  if (labels.length !== rows) throw labelsLengthMismatch(labels.length, rows);
  const sizes = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const c = labels[i]!;
    if (c < 0 || c >= k) throw labelOutOfRange(i + 1, c, k);
    sizes[c]! += 1;
  }
  let nonEmpty = 0;
  for (let c = 0; c < k; c++) if (sizes[c]! > 0) nonEmpty++;
  if (nonEmpty < 2 || nonEmpty > rows - 1) throw invalidLabelCount(metric, nonEmpty, rows);
  return { sizes, nonEmpty };
}
