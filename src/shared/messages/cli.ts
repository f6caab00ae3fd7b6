/** Messages of the command-line layer. */
import { SegworkError } from "../errors.js";

export const outIsFile = (out: string): SegworkError =>
  new SegworkError(
    "out-is-file",
    `--out ${out} is an existing file; --out names a directory to write results into`,
    { file: out },
  );

export const outWouldOverwriteInput = (path: string): SegworkError =>
  new SegworkError(
    "out-overwrites-input",
    `refusing to write ${path}: it is one of the inputs; choose another --out`,
    { file: path },
  );

export const badKRange = (text: string): SegworkError =>
  new SegworkError("bad-k-range", `--k must be a number or a range like 2..10 (got "${text}")`);

export const kTooSmall = (k: number): SegworkError =>
  new SegworkError(
    "k-too-small",
    `--k must be at least 2 (got ${k}): one cluster is no segmentation`,
  );

export const kTooLarge = (k: number, rows: number): SegworkError =>
  new SegworkError(
    "k-too-large",
    `--k ${k} is larger than the number of rows after cleaning (${rows}); choose k ≤ ${rows}`,
  );

export const badInteger = (option: string, text: string, min: number): SegworkError =>
  new SegworkError("bad-integer", `${option} must be an integer ≥ ${min} (got "${text}")`);

export const badNumber = (option: string, text: string): SegworkError =>
  new SegworkError("bad-number", `${option} must be a number (got "${text}")`);

export const badChoice = (option: string, text: string, choices: readonly string[]): SegworkError =>
  new SegworkError("bad-choice", `${option} must be one of ${choices.join(", ")} (got "${text}")`);

export const unknownOrderBy = (feature: string, features: string[]): SegworkError =>
  new SegworkError(
    "unknown-order-by",
    `--order-by names "${feature}", which is not one of the features (${features.join(", ")})`,
  );

export const badModel = (file: string, detail: string): SegworkError =>
  new SegworkError("bad-model", `${file}: not a segwork model (${detail})`, { file });

export const missingOption = (option: string, command: string): SegworkError =>
  new SegworkError("missing-option", `segwork ${command} needs ${option}`);

export const outExists = (out: string): SegworkError =>
  new SegworkError("out-exists", `${out} already exists; choose a new file name for --out`, {
    file: out,
  });

export const outIsDirectory = (out: string): SegworkError =>
  new SegworkError(
    "out-is-directory",
    `--out ${out} is a directory; give a file name such as clients.csv`,
    {
      file: out,
    },
  );

export const outUnderFile = (option: string, out: string, file: string): SegworkError =>
  new SegworkError(
    "out-under-file",
    `${option} ${out} cannot be created: ${file} is a file, not a folder; choose another ${option}`,
    { file: out },
  );

/** An output's name is taken by a folder: renaming over it would fail after other outputs were replaced. */
export const outNameIsFolder = (file: string): SegworkError =>
  new SegworkError(
    "out-name-is-folder",
    `cannot write ${file}: a folder of that name is in the way; move it or choose another --out`,
    { file },
  );

export const writeFailed = (file: string, code: string, reason: string): SegworkError =>
  new SegworkError(
    "write-failed",
    `cannot write ${file}: ${reason}${code && !reason.includes(code) ? ` (${code})` : ""}; nothing was written`,
    { file },
  );
