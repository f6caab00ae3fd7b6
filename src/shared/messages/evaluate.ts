/** Messages of the evaluate stage (cluster-quality indices, knee detection, k recommendation). */
import { SegworkError } from "../errors.js";

/** The labels array does not have one entry per row of the matrix. */
export const labelsLengthMismatch = (labels: number, rows: number): SegworkError =>
  new SegworkError(
    "labels-length-mismatch",
    `cluster labels have ${labels} entries but the matrix has ${rows} rows; pass one label per row`,
  );

/** A label is not an integer in [0, k). `row` is 1-based. */
export const labelOutOfRange = (row: number, label: number, k: number): SegworkError =>
  new SegworkError(
    "label-out-of-range",
    `row ${row} has cluster label ${label}, outside 0..${k - 1} for k=${k}; labels must be integers from 0 to k-1`,
    { row, value: String(label) },
  );

/** k itself is not a positive integer. */
export const badClusterCount = (k: number): SegworkError =>
  new SegworkError("bad-cluster-count", `k must be a positive integer (got ${k})`);

/**
 * The index is undefined for this number of non-empty clusters (scikit-learn:
 * "Valid values are 2 to n_samples - 1 (inclusive)").
 */
export const invalidLabelCount = (metric: string, clusters: number, rows: number): SegworkError =>
  new SegworkError(
    "invalid-label-count",
    `${metric} needs between 2 and ${rows - 1} non-empty clusters for ${rows} rows, but the labels form ${clusters}; ` +
      `choose k between 2 and rows-1`,
    { value: String(clusters) },
  );

/** The silhouette sample size is not an integer ≥ 2. */
export const badSampleSize = (sampleSize: number): SegworkError =>
  new SegworkError(
    "bad-sample-size",
    `silhouette sample size must be an integer of at least 2 (got ${sampleSize}); omit it for the default of 10000`,
    { key: "sampleSize", value: String(sampleSize) },
  );

/** Kneedle got x and y of different lengths. */
export const kneeLengthMismatch = (xs: number, ys: number): SegworkError =>
  new SegworkError(
    "knee-length-mismatch",
    `knee detection needs as many x values as y values (got ${xs} x and ${ys} y)`,
  );

/** Kneedle got fewer than 3 points. */
export const kneeTooFewPoints = (points: number): SegworkError =>
  new SegworkError(
    "knee-too-few-points",
    `knee detection needs at least 3 points (got ${points}); sweep more values of k`,
  );

/** Kneedle got a NaN or infinite value. `index` is 0-based. */
export const kneeNonFinite = (axis: "x" | "y", index: number, value: number): SegworkError =>
  new SegworkError(
    "knee-non-finite",
    `knee detection got ${axis}[${index}] = ${value}; every value must be a finite number`,
    { value: String(value) },
  );

/** Kneedle's x values are not strictly increasing. `index` is 0-based. */
export const kneeXNotIncreasing = (index: number, previous: number, value: number): SegworkError =>
  new SegworkError(
    "knee-x-not-increasing",
    `knee detection needs strictly increasing x values, but x[${index}] = ${value} follows ${previous}; sort the points by x`,
    { value: String(value) },
  );

/** A Kneedle option has a value outside its choices. */
export const badKneeOption = (option: string, value: string, allowed: string): SegworkError =>
  new SegworkError("bad-knee-option", `knee option ${option} must be ${allowed} (got ${value})`, {
    key: option,
    value,
  });

/** recommendK got no sweep rows. */
export const emptySweep = (): SegworkError =>
  new SegworkError(
    "empty-sweep",
    "cannot recommend k from an empty sweep; run the sweep over at least one k",
  );

/** The same k appears twice in a sweep. */
export const duplicateSweepK = (k: number): SegworkError =>
  new SegworkError("duplicate-sweep-k", `the sweep has two rows for k=${k}; keep one row per k`, {
    value: String(k),
  });

/**
 * An option of the gap statistic, stability, seed sensitivity or the k vote
 * has a value outside its range. `stage` names the function family, e.g. "gap".
 */
export const badEvaluateOption = (
  stage: string,
  option: string,
  value: string,
  allowed: string,
): SegworkError =>
  new SegworkError(
    "bad-evaluate-option",
    `${stage} option ${option} must be ${allowed} (got ${value})`,
    {
      key: option,
      value,
    },
  );

/** maxSE got a gap curve and standard errors of different lengths, or none at all. */
export const maxSELengthMismatch = (values: number, errors: number): SegworkError =>
  new SegworkError(
    "maxse-length-mismatch",
    `maxSE needs one standard error per value and at least one value (got ${values} values and ${errors} standard errors)`,
  );

/** maxSE got a value that is not finite, or a negative standard error. `index` is 0-based. */
export const maxSEBadValue = (what: "f" | "SE.f", index: number, value: number): SegworkError =>
  new SegworkError(
    "maxse-bad-value",
    what === "f"
      ? `maxSE needs finite values, but f[${index + 1}] = ${value}`
      : `maxSE needs finite standard errors ≥ 0, but SE.f[${index + 1}] = ${value}`,
    { value: String(value) },
  );

/** The matrix has too few rows for the largest k asked for. */
export const tooFewRowsForK = (stage: string, rows: number, k: number): SegworkError =>
  new SegworkError(
    "too-few-rows-for-k",
    `${stage} needs at least as many rows as clusters, but has ${rows} rows for k=${k}; lower the largest k`,
    { value: String(k) },
  );
