/**
 * Messages of the grade stage: reading a saved model, scoring a later table
 * with it, and exporting the scoring as SQL.
 */
import { SegworkError } from "../errors.js";

const REFIT = 'pass the model.json written by "segwork cluster"';

/** A value quoted for a message: JSON text (or its type), cut to 40 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

// ── Reading the model ───────────────────────────────────────────────────────

export const modelNotFound = (file: string): SegworkError =>
  new SegworkError(
    "grade.model-not-found",
    `${file}: model file not found; ${REFIT} with --model`,
    { file },
  );

export const modelSyntax = (file: string, detail: string): SegworkError =>
  new SegworkError("grade.model-syntax", `${file}: not valid JSON (${detail}); ${REFIT}`, { file });

export const modelFormat = (file: string, got: unknown): SegworkError =>
  new SegworkError(
    "grade.model-format",
    `${file}: not a segwork model (key "format" is ${describeValue(got)}, expected "segwork-model"); ${REFIT}`,
    { file, key: "format" },
  );

export const modelVersion = (file: string, got: unknown): SegworkError =>
  new SegworkError(
    "grade.model-version",
    `${file}: model format version ${describeValue(got)} is not supported (key "formatVersion"; this segwork reads version 1); refit with "segwork cluster"`,
    { file, key: "formatVersion" },
  );

export const modelKey = (file: string, key: string, expected: string, got: unknown): SegworkError =>
  new SegworkError(
    "grade.model-key",
    `${file}: key "${key}" must be ${expected} (got ${describeValue(got)}); the model looks damaged or hand-edited: refit with "segwork cluster"`,
    { file, key },
  );

// ── Scoring a table ─────────────────────────────────────────────────────────

export const missingFeature = (
  source: string,
  column: string,
  modelFile: string,
  features: string[],
): SegworkError =>
  new SegworkError(
    "grade.missing-feature",
    `${source}: no column named "${column}", which the model ${modelFile} needs (its features: ${features.join(", ")}); rename the column or score with a model fitted on these columns`,
    { file: source, column },
  );

/** Note for the command's progress output when some rows were not scored. */
export const unscoredRows = (
  unscored: number,
  rows: number,
  missing: number,
  logInvalid: number,
): string =>
  `${unscored} of ${rows} rows were not scored (${missing} with a missing or non-numeric feature, ${logInvalid} where log1p is undefined); their cluster is empty in assignments.csv`;

// ── Exporting SQL ───────────────────────────────────────────────────────────

export const emptyIdentifier = (option: string): SegworkError =>
  new SegworkError(
    "grade.empty-identifier",
    `${option} must name a table or column (got an empty name)`,
    {
      key: option,
    },
  );

export const rfmFileNotFound = (file: string): SegworkError =>
  new SegworkError(
    "grade.rfm-not-found",
    `${file}: RFM file not found; pass the rfm.json written by "segwork rfm" with --rfm`,
    { file },
  );

export const rfmSyntax = (file: string, detail: string): SegworkError =>
  new SegworkError(
    "grade.rfm-syntax",
    `${file}: not valid JSON (${detail}); pass the rfm.json written by "segwork rfm"`,
    { file },
  );

export const rfmKey = (file: string, key: string, expected: string, got: unknown): SegworkError =>
  new SegworkError(
    "grade.rfm-key",
    `${file}: key "${key}" must be ${expected} (got ${describeValue(got)}); rerun "segwork rfm" to write a fresh rfm.json`,
    { file, key },
  );

export const rfmNtile = (file: string): SegworkError =>
  new SegworkError(
    "grade.rfm-ntile",
    `${file}: RFM scores were binned with "ntile", which ranks the whole table and has no cut points to reuse; rerun "segwork rfm" with r-rfm binning to export its scores as SQL`,
    { file, key: "binning" },
  );

export const outIsDirectory = (out: string): SegworkError =>
  new SegworkError(
    "grade.out-is-directory",
    `--out ${out} is a folder; --out names the .sql file to write (or leave it out to print the query)`,
    { file: out },
  );

/** `grade --client --tiers` without a table to freeze the scorecard on. */
export const tiersReference = (): SegworkError =>
  new SegworkError(
    "grade.tiers-reference",
    "segwork grade --client: --tiers needs --reference <clients.csv>, the client table its percentiles and ranges are taken from (or pass the tiers-frozen.json a periods run wrote)",
    {},
  );

/** `grade --client --reference` where no scorecard is frozen from it (a frozen scorecard, or no --tiers). */
export const referenceUnused = (file: string, tiersFile: string | undefined): SegworkError =>
  new SegworkError(
    "grade.reference-unused",
    tiersFile === undefined
      ? `segwork grade --client: --reference ${file} is only used to freeze a --tiers scorecard, and no --tiers was given; drop --reference`
      : `segwork grade --client: ${tiersFile} is a scorecard frozen already (tiers-frozen.json), so --reference ${file} would be ignored; drop --reference, or pass the tiers config to freeze it on ${file}`,
    { file },
  );

/** `grade` without --input or --client. */
export const inputOrClient = (): SegworkError =>
  new SegworkError(
    "grade.input-or-client",
    "segwork grade: give --input <table> (with --model and --out) or --client '<json>'",
    {},
  );
