import type { DenseMatrix } from "../shared/matrix.js";

export type ScalingMethod = "zscore" | "robust" | "minmax" | "none";
export type ImputeMethod = "drop" | "median";
export type DedupeMethod = "first" | "last" | "error";

/** Options for {@link prepare}. */
export interface PrepareOptions {
  /** Feature columns, in order; they become the matrix columns. */
  features: string[];
  /** Scaling after the log transform. Default `zscore`. */
  scale?: ScalingMethod;
  /** Features to transform with log1p before scaling (values must be > -1). */
  log?: string[];
  /** Rows with missing or non-numeric features: dropped (default) or filled with the column median. */
  impute?: ImputeMethod;
  /** Duplicate ids: keep the first (default) or last row, or fail. */
  dedupe?: DedupeMethod;
  /** Winsorize each feature at these quantiles, e.g. [0.01, 0.99]. */
  clip?: [number, number];
}

/** What preparation saw and did for one feature. */
export interface ColumnSummary {
  name: string;
  missing: number;
  nonNumeric: number;
  /** Statistics of the kept values in original units, before clipping and log. */
  min: number;
  max: number;
  mean: number;
  sd: number;
  /** Values filled with the median. */
  imputed: number;
  /** Values moved to a clip bound. */
  clipped: number;
  /** Rows dropped because log1p was undefined (value ≤ -1). */
  logInvalid: number;
  /** Plain-language account of what was done, e.g. "3 missing → rows dropped; log1p; z-score". */
  action: string;
}

/** What preparation did to the table as a whole. */
export interface CleaningSummary {
  source: string;
  inputRows: number;
  keptRows: number;
  droppedMissing: number;
  droppedNonNumeric: number;
  droppedLogInvalid: number;
  duplicateIds: number;
  droppedDuplicates: number;
  dedupe: DedupeMethod;
  impute: ImputeMethod;
  columns: ColumnSummary[];
  /** Sentences for the report, in the order things happened. */
  notes: string[];
}

/**
 * Everything needed to apply the same transform to a later table:
 * x → clip(x) → log1p (selected features) → (x − center) / scale.
 */
export interface ScalerParameters {
  method: ScalingMethod;
  features: string[];
  log: string[];
  /** Per feature: mean (zscore), median (robust), min (minmax) or 0 (none). */
  center: number[];
  /** Per feature: population sd (zscore), IQR (robust), max − min (minmax) or 1 (none). */
  scale: number[];
  /** Per-feature clip bounds in original units, when winsorizing was asked for. */
  clip: { lower: number[]; upper: number[] } | null;
}

/** The output of preparation: the scaled matrix plus the unscaled values for profiles. */
export interface Prepared {
  ids: string[];
  features: string[];
  /** Scaled values, rows × features, row-major. */
  scaled: DenseMatrix;
  /** Values in original units after imputation and clipping (before log), rows × features. */
  original: DenseMatrix;
  scaler: ScalerParameters;
  summary: CleaningSummary;
}
