/**
 * Messages of the artifact readers (sweep.json, model.json, rfm.json, …):
 * each names the file, and where a key is at fault, the key, in one line.
 */
import { SegworkError } from "../errors.js";
import { describeValue } from "./grade.js";

/** "segwork cluster" → the advice that ends most reader messages. */
const rewrite = (writtenBy: string): string => `write it again with "${writtenBy}"`;

/**
 * The artifact file cannot be read.
 * @example notFound("runs/k4/model.json", "segwork cluster").message
 * // => 'runs/k4/model.json: no such file; write it again with "segwork cluster"'
 */
export const notFound = (file: string, writtenBy: string): SegworkError =>
  new SegworkError("artifact.not-found", `${file}: no such file; ${rewrite(writtenBy)}`, { file });

/**
 * The file is not valid JSON: usually cut short by a full disk or an interrupted copy.
 * @example syntax("sweep.json", 3, 7, "the end of the file", "segwork sweep").message
 */
export const syntax = (
  file: string,
  line: number,
  column: number,
  detail: string,
  writtenBy: string,
): SegworkError =>
  new SegworkError(
    "artifact.syntax",
    `${file} line ${line}, column ${column}: not valid JSON (${detail}); the file looks truncated or damaged: ${rewrite(writtenBy)}`,
    { file, line },
  );

/**
 * The file holds another kind of document.
 * @example wrongFormat("model.json", "segwork-sweep", "segwork-model", "segwork cluster").message
 * // => 'model.json: not a segwork-model file (key "format" is "segwork-sweep"); write it again with "segwork cluster"'
 */
export const wrongFormat = (
  file: string,
  got: unknown,
  expected: string,
  writtenBy: string,
): SegworkError =>
  new SegworkError(
    "artifact.format",
    `${file}: not a ${expected} file (key "format" is ${describeValue(got)}); ${rewrite(writtenBy)}`,
    { file, key: "format" },
  );

/**
 * The file was written by a newer segwork than this one.
 * @example newerVersion("sweep.json", "segwork-sweep", 3, 2).message
 * // => 'sweep.json: segwork-sweep formatVersion 3 is newer than this segwork reads (up to 2); upgrade segwork to read it'
 */
export const newerVersion = (
  file: string,
  format: string,
  got: number,
  newest: number,
): SegworkError =>
  new SegworkError(
    "artifact.newer-version",
    `${file}: ${format} formatVersion ${got} is newer than this segwork reads (up to ${newest}); upgrade segwork to read it`,
    { file, key: "formatVersion" },
  );

/**
 * The version is not one this segwork knows (not a whole number, or retired).
 * @example unknownVersion("sweep.json", "segwork-sweep", "x", [1, 2], "segwork sweep").message
 */
export const unknownVersion = (
  file: string,
  format: string,
  got: unknown,
  known: readonly number[],
  writtenBy: string,
): SegworkError =>
  new SegworkError(
    "artifact.unknown-version",
    `${file}: key "formatVersion" is ${describeValue(got)}, not a ${format} version this segwork reads (${known.join(", ")}); ${rewrite(writtenBy)}`,
    { file, key: "formatVersion" },
  );

/**
 * A key the readers rely on is absent.
 * @example missingKey("sweep.json", "k[2].inertia", "a number", "segwork sweep").message
 * // => 'sweep.json: key "k[2].inertia" is missing (expected a number); write it again with "segwork sweep"'
 */
export const missingKey = (
  file: string,
  key: string,
  expected: string,
  writtenBy: string,
): SegworkError =>
  new SegworkError(
    "artifact.missing-key",
    `${file}: key "${key}" is missing (expected ${expected}); ${rewrite(writtenBy)}`,
    { file, key },
  );

/**
 * A key holds a value of the wrong kind.
 * @example badKey("sweep.json", "recommendedK", "a whole number ≥ 1", "4", "segwork sweep").message
 */
export const badKey = (
  file: string,
  key: string,
  expected: string,
  got: unknown,
  writtenBy: string,
): SegworkError =>
  new SegworkError(
    "artifact.bad-key",
    `${file}: key "${key}" must be ${expected} (got ${describeValue(got)}); the file looks damaged or hand-edited: ${rewrite(writtenBy)}`,
    { file, key },
  );

/**
 * A CSV artifact lacks a column its readers need.
 * @example missingColumn("assignments.csv", "cluster", ["id", "label"], "segwork cluster").message
 */
export const missingColumn = (
  file: string,
  column: string,
  headers: readonly string[],
  writtenBy: string,
): SegworkError =>
  new SegworkError(
    "artifact.missing-column",
    `${file}: no column "${column}" (columns: ${headers.map((h) => `"${h}"`).join(", ")}); ${rewrite(writtenBy)}`,
    { file, column },
  );

/**
 * A CSV artifact cell holds a value its column cannot have.
 * @example badCell("assignments.csv", 7, "cluster", "x", "a cluster number", "segwork cluster").message
 */
export const badCell = (
  file: string,
  line: number,
  column: string,
  got: string,
  expected: string,
  writtenBy: string,
): SegworkError =>
  new SegworkError(
    "artifact.bad-cell",
    `${file} line ${line}, column "${column}": ${describeValue(got)} is not ${expected}; ${rewrite(writtenBy)}`,
    { file, line, column, value: got },
  );

/** What the reader expected at a key, for messages ("a number", "a list", …). */
export const expectedNumber = "a number";
export const expectedWhole = "a whole number";
export const expectedText = "a string";
export const expectedList = "a list";
export const expectedObject = "an object";
export const expectedBoolean = "true or false";
