/** Messages of the preparation stage. */
import { SegworkError } from "../errors.js";

export const unknownFeature = (source: string, column: string, headers: string[]): SegworkError =>
  new SegworkError(
    "unknown-feature",
    `${source}: no column named "${column}" (columns: ${headers.join(", ")})`,
    { file: source, column },
  );

export const noFeatures = (): SegworkError =>
  new SegworkError("no-features", "no feature columns given: pass --features col1,col2,…");

export const duplicateFeature = (column: string): SegworkError =>
  new SegworkError("duplicate-feature", `feature "${column}" is listed twice in --features`, {
    column,
  });

export const logNotAFeature = (column: string, features: string[]): SegworkError =>
  new SegworkError(
    "log-not-feature",
    `--log names "${column}", which is not one of the features (${features.join(", ")})`,
    { column },
  );

export const allMissing = (source: string, column: string, missing: number): SegworkError =>
  new SegworkError(
    "all-missing",
    `${source}: column "${column}" has no values (all ${missing} rows are empty or missing)`,
    { file: source, column },
  );

export const notNumeric = (
  source: string,
  column: string,
  nonNumeric: number,
  total: number,
  example?: { line: number; value: string },
): SegworkError =>
  new SegworkError(
    "not-numeric",
    `${source}: column "${column}" is not numeric: ${nonNumeric} of ${total} values are not numbers` +
      (example ? ` (line ${example.line}: "${example.value}")` : "") +
      `; choose numeric --features`,
    { file: source, column, line: example?.line, value: example?.value },
  );

export const constantColumn = (source: string, column: string, value: number): SegworkError =>
  new SegworkError(
    "constant-column",
    `${source}: column "${column}" is constant (every kept row is ${value}); it cannot be scaled and cannot separate clusters: drop it from --features`,
    { file: source, column },
  );

export const zeroSpread = (
  source: string,
  column: string,
  method: string,
  what: string,
): SegworkError =>
  new SegworkError(
    "zero-spread",
    `${source}: column "${column}" has zero ${what}, so --scale ${method} would divide by zero; use --scale zscore or drop the column`,
    { file: source, column },
  );

export const duplicateId = (
  source: string,
  idColumn: string,
  id: string,
  firstLine: number,
  secondLine: number,
): SegworkError =>
  new SegworkError(
    "duplicate-id",
    `${source}: id "${id}" in column "${idColumn}" appears on line ${firstLine} and line ${secondLine}; use --dedupe first or --dedupe last to keep one`,
    { file: source, column: idColumn, line: secondLine, value: id },
  );

export const noRowsLeft = (source: string, inputRows: number, reasons: string): SegworkError =>
  new SegworkError(
    "no-rows-left",
    `${source}: no rows left after cleaning (${inputRows} read; ${reasons})`,
    { file: source },
  );

export const badClip = (lower: number, upper: number): SegworkError =>
  new SegworkError(
    "bad-clip",
    `--clip needs two quantiles 0 ≤ lower < upper ≤ 1, e.g. 0.01,0.99 (got ${lower},${upper})`,
  );

export const modelFeatureMissing = (source: string, column: string): SegworkError =>
  new SegworkError(
    "model-feature-missing",
    `${source}: the model needs column "${column}", which this table does not have`,
    { file: source, column },
  );
