import { mean, standardDeviation } from "simple-statistics";
import type { Table } from "../load/types.js";
import type { DenseMatrix } from "../shared/matrix.js";
import { prepareMessages as msg } from "../shared/messages/index.js";
import { quantileType7 } from "../shared/stats.js";
import { checkPrepareOptions } from "./options.js";
import { fitColumnScale } from "./scaler.js";
import { selectRows } from "./select-rows.js";
import type { ColumnSummary, PrepareOptions, Prepared, ScalerParameters } from "./types.js";

/**
 * Cleans the feature columns of a loaded table and scales them for clustering.
 *
 * Order of operations (each step counted in the summary): resolve duplicate
 * ids → drop rows with missing / non-numeric features (or impute the median)
 * → drop rows where log1p is undefined → winsorize at the `clip` quantiles →
 * log1p the `log` features → scale. Statistics in the summary describe the
 * kept values in original units, before clipping.
 *
 * @throws SegworkError naming the file and column for an unknown, all-missing,
 *   non-numeric or constant feature, a duplicate id with `dedupe: "error"`,
 *   or when no rows are left.
 * @example
 * const prepared = prepare(table, { features: ["recency", "monetary"], log: ["monetary"] });
 * prepared.scaled.rows // => rows kept
 */
export function prepare(table: Table, options: PrepareOptions): Prepared {
  const checked = checkPrepareOptions(options);
  const { features, impute, dedupe, log } = checked;
  const scaleMethod = checked.scale;
  validateFeatures(table, features);

  const selection = selectRows(table, features, log, impute, dedupe);
  const n = selection.kept.length;
  if (n === 0) {
    throw msg.noRowsLeft(table.source, table.rowCount, describeDrops(selection));
  }

  const d = features.length;
  // On shared memory, so K-Means worker threads read it without a copy.
  const scaled = new Float64Array(new SharedArrayBuffer(n * d * 8));
  const medians: number[] = [];
  const columns: ColumnSummary[] = [];
  const center: number[] = [];
  const scale: number[] = [];
  const clipLower: number[] = [];
  const clipUpper: number[] = [];
  // One scratch column for all features: fresh memory is costly (first
  // touches of new pages cost ~3 ms per MB on the benchmark machine).
  const values = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    const name = features[j]!;
    const source = table.columns[name]!;
    const missingKept = gatherColumn(source, selection.kept, values);
    medians.push(missingKept > 0 ? fillWithMedian(values) : NaN);
    const stats = describe(values);
    let clipped = 0;
    if (options.clip) {
      const sorted = Float64Array.from(values).sort();
      const lower = quantileType7(sorted, options.clip[0]);
      const upper = quantileType7(sorted, options.clip[1]);
      clipLower.push(lower);
      clipUpper.push(upper);
      clipped = clipInPlace(values, lower, upper);
    }
    const transformed = log.has(name) ? values.map(Math.log1p) : values;
    const fitted = fitColumnScale(transformed, scaleMethod, table.source, name);
    center.push(fitted.center);
    scale.push(fitted.scale);
    // The last steps of applyScaler (the values are clipped already), on the
    // same values in the same order: the same bits as applyScaler(original).
    scaleColumnInto(transformed, scaled, j, d, fitted.center, fitted.scale);
    const issues = table.issues[name]!;
    columns.push({
      name,
      missing: issues.missing,
      nonNumeric: issues.nonNumeric,
      ...stats,
      imputed: missingKept,
      clipped,
      logInvalid: selection.logInvalidByFeature[j]!,
      action: describeAction(
        issues.missing + issues.nonNumeric,
        impute,
        clipped,
        log.has(name),
        selection.logInvalidByFeature[j]!,
        scaleMethod,
      ),
    });
  }

  const scaler: ScalerParameters = {
    method: scaleMethod,
    features: [...features],
    log: features.filter((f) => log.has(f)),
    center,
    scale,
    clip: options.clip ? { lower: clipLower, upper: clipUpper } : null,
  };
  const ids = Array.from(selection.kept, (i) => table.ids[i]!);
  // Built on first use only: a sweep never reads it, and at 1M × 8 rows it is
  // 64 MB of fresh memory (~0.2 s on the benchmark machine).
  let original: DenseMatrix | undefined;
  const buildOriginal = (): DenseMatrix => {
    const data = new Float64Array(n * d);
    const column = new Float64Array(n);
    for (let j = 0; j < d; j++) {
      gatherColumn(table.columns[features[j]!]!, selection.kept, column);
      const median = medians[j]!;
      if (!Number.isNaN(median)) fillNaN(column, median);
      if (options.clip) clipInPlace(column, clipLower[j]!, clipUpper[j]!);
      scatterColumn(column, data, j, d);
    }
    return { data, rows: n, cols: d };
  };
  return {
    ids,
    features: [...features],
    scaled: { data: scaled, rows: n, cols: d },
    get original(): DenseMatrix {
      original ??= buildOriginal();
      return original;
    },
    scaler,
    summary: {
      source: table.source,
      inputRows: table.rowCount,
      keptRows: n,
      droppedMissing: selection.droppedMissing,
      droppedNonNumeric: selection.droppedNonNumeric,
      droppedLogInvalid: selection.droppedLogInvalid,
      duplicateIds: selection.duplicateIds,
      droppedDuplicates: selection.droppedDuplicates,
      dedupe,
      impute,
      columns,
      notes: describeNotes(table, selection, impute, dedupe, scaler),
    },
  };
}

/** The checks that need the table: each feature is a column with enough numbers. */
function validateFeatures(table: Table, features: string[]): void {
  for (const f of features) {
    if (!(f in table.columns)) throw msg.unknownFeature(table.source, f, table.headers);
  }
  for (const f of features) {
    const issues = table.issues[f]!;
    const present = table.rowCount - issues.missing;
    if (present === 0) throw msg.allMissing(table.source, f, issues.missing);
    // A column where most present values are text is a text column, not a
    // numeric one with a few typos: refuse it rather than drop most rows.
    if (issues.nonNumeric > 0 && issues.nonNumeric * 2 >= present) {
      throw msg.notNumeric(table.source, f, issues.nonNumeric, present, issues.firstNonNumeric);
    }
  }
}

// The column loops below live in small functions of their own: inlined in
// the long body of prepare(), V8 optimised them on-stack and threw the code
// away again several times (1.3 s for 1M × 8 rows instead of ~0.1 s).

/** Copies the kept rows of one column into `values`; returns how many of them are NaN. */
function gatherColumn(source: Float64Array, kept: Int32Array, values: Float64Array): number {
  let missing = 0;
  for (let r = 0; r < kept.length; r++) {
    const v = source[kept[r]!]!;
    values[r] = v;
    if (Number.isNaN(v)) missing++;
  }
  return missing;
}

/** Clamps values to [lower, upper]; returns how many changed. */
function clipInPlace(values: Float64Array, lower: number, upper: number): number {
  let clipped = 0;
  for (let r = 0; r < values.length; r++) {
    const v = values[r]!;
    if (v < lower) {
      values[r] = lower;
      clipped++;
    } else if (v > upper) {
      values[r] = upper;
      clipped++;
    }
  }
  return clipped;
}

/** Writes a column into column `j` of a row-major matrix with `d` columns. */
function scatterColumn(values: Float64Array, matrix: Float64Array, j: number, d: number): void {
  for (let r = 0, at = j; r < values.length; r++, at += d) matrix[at] = values[r]!;
}

/** Replaces NaN by the median of the other values; returns that median. */
function fillWithMedian(values: Float64Array): number {
  const finite = values.filter((v) => !Number.isNaN(v)).sort();
  const median = quantileType7(finite, 0.5);
  fillNaN(values, median);
  return median;
}

function fillNaN(values: Float64Array, fill: number): void {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) values[i] = fill;
}

/** (x − center) / scale of a column into column `j` of a row-major matrix with `d` columns. */
function scaleColumnInto(
  values: Float64Array,
  matrix: Float64Array,
  j: number,
  d: number,
  center: number,
  scale: number,
): void {
  for (let r = 0, at = j; r < values.length; r++, at += d)
    matrix[at] = (values[r]! - center) / scale;
}

function describe(values: Float64Array): { min: number; max: number; mean: number; sd: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const asArray = values as unknown as number[];
  return { min, max, mean: mean(asArray), sd: standardDeviation(asArray) };
}

const SCALING_NAMES = {
  zscore: "z-score",
  robust: "robust (median/IQR)",
  minmax: "min–max",
} as const;

function describeAction(
  bad: number,
  impute: string,
  clipped: number,
  logged: boolean,
  logInvalid: number,
  method: ScalerParameters["method"],
): string {
  const parts: string[] = [];
  if (bad > 0)
    parts.push(impute === "median" ? `${bad} filled with the median` : `${bad} → rows dropped`);
  if (logInvalid > 0) parts.push(`${logInvalid} ≤ −1 → rows dropped`);
  if (clipped > 0) parts.push(`${clipped} winsorized`);
  if (logged) parts.push("log1p");
  parts.push(method === "none" ? "not scaled" : `${SCALING_NAMES[method]} scaled`);
  return parts.join("; ");
}

function describeDrops(s: {
  droppedMissing: number;
  droppedNonNumeric: number;
  droppedLogInvalid: number;
  droppedDuplicates: number;
}): string {
  return [
    `${s.droppedMissing} with missing values`,
    `${s.droppedNonNumeric} with non-numeric values`,
    `${s.droppedLogInvalid} where log1p is undefined (≤ −1)`,
    `${s.droppedDuplicates} duplicate ids`,
  ].join(", ");
}

function describeNotes(
  table: Table,
  s: ReturnType<typeof selectRows>,
  impute: string,
  dedupe: string,
  scaler: ScalerParameters,
): string[] {
  const notes = [`Read ${table.rowCount.toLocaleString("en-US")} rows from ${table.source}.`];
  if (s.droppedDuplicates > 0) {
    notes.push(
      `${s.duplicateIds} ids appeared more than once; kept the ${dedupe} row of each (${s.droppedDuplicates} rows dropped).`,
    );
  }
  if (s.droppedMissing > 0)
    notes.push(`Dropped ${s.droppedMissing} rows with a missing feature value.`);
  if (s.droppedNonNumeric > 0)
    notes.push(`Dropped ${s.droppedNonNumeric} rows with a non-numeric feature value.`);
  if (impute === "median")
    notes.push("Missing and non-numeric feature values were filled with the column median.");
  if (s.droppedLogInvalid > 0) {
    const where = scaler.features
      .map((f, j) => [f, s.logInvalidByFeature[j]!] as const)
      .filter(([, count]) => count > 0)
      .map(([f, count]) => `${count} in ${f}`)
      .join(", ");
    notes.push(
      `Dropped ${s.droppedLogInvalid} rows where log1p is undefined (value ≤ −1): ${where}.`,
    );
  }
  if (scaler.clip)
    notes.push("Winsorized every feature at the given quantiles (bounds in the model).");
  if (scaler.log.length > 0)
    notes.push(`Applied log1p to ${scaler.log.join(", ")} before scaling.`);
  notes.push(
    {
      zscore:
        "Scaled to z-scores (mean 0, population standard deviation 1), as scikit-learn's StandardScaler.",
      robust: "Scaled robustly: (x − median) / IQR, as scikit-learn's RobustScaler.",
      minmax: "Scaled to [0, 1] by min and max, as scikit-learn's MinMaxScaler.",
      none: "Not scaled.",
    }[scaler.method],
  );
  return notes;
}
