/**
 * What every JSON artifact shares: stable serialisation, and one reader that
 * checks syntax, `format`, `formatVersion` and the schema of that version in
 * this order, so each failure is one line naming the file and the key.
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { formatKeyPath, valueAt } from "../rules/config-file.js";
import { locateJsonError } from "../shared/json-syntax.js";
import * as msg from "../shared/messages/artifacts.js";
import { jsonEndOfFile, jsonExpected } from "../shared/messages/rules.js";

/** A JSON artifact format: its name, the versions this segwork reads, and who writes it. */
export interface JsonArtifactFormat<T> {
  /** The value of the `format` key, e.g. "segwork-sweep". */
  format: string;
  /** The version this segwork writes (the newest it reads). */
  version: number;
  /** The command that writes it, named in messages ("segwork sweep"). */
  writtenBy: string;
  /** A schema per readable version; an older version is upgraded by `upgrade`. */
  schemas: Record<number, z.ZodType>;
  /** Brings a validated older version to the current shape (identity when absent). */
  upgrade?: (value: unknown, version: number) => T;
  /** Checks across keys that a schema cannot express; throws a message naming the key. */
  check?: (value: T, file: string) => void;
}

/**
 * Stable JSON: two-space indent, trailing newline, non-finite numbers as
 * null, typed arrays as plain lists.
 *
 * @example
 * toJson({ k: 4, inertia: NaN }) // => '{\n  "k": 4,\n  "inertia": null\n}\n'
 */
export function toJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === "number" && !Number.isFinite(v)) return null;
        if (ArrayBuffer.isView(v) && !(v instanceof DataView))
          return Array.from(v as unknown as ArrayLike<number>);
        return v;
      },
      2,
    ) + "\n"
  );
}

/** JSON text → value; a syntax error names the line and column. */
function parseJson(text: string, file: string, writtenBy: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    const located = locateJsonError(source, { expected: jsonExpected, endOfFile: jsonEndOfFile });
    const offset = located?.offset ?? 0;
    const before = source.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const detail = located?.detail ?? (error instanceof Error ? error.message : String(error));
    throw msg.syntax(file, line, column, detail, writtenBy);
  }
}

const EXPECTED: Record<string, string> = {
  number: msg.expectedNumber,
  int: msg.expectedWhole,
  string: msg.expectedText,
  array: msg.expectedList,
  object: msg.expectedObject,
  boolean: msg.expectedBoolean,
};

/** The first zod issue as one of the reader's messages. */
function issueError(raw: unknown, issue: z.core.$ZodIssue, file: string, writtenBy: string): Error {
  const key = formatKeyPath(issue.path) || "(top level)";
  const got = valueAt(raw, issue.path);
  // A union (a number, or null for NaN) says what its first choice expects, not zod's "Invalid input".
  const first = issue.code === "invalid_union" ? (issue.errors[0]?.[0] ?? issue) : issue;
  const expected =
    first.code === "invalid_type"
      ? (EXPECTED[first.expected] ?? first.expected)
      : first.message.replace(/^must be /, "");
  if (got === undefined) return msg.missingKey(file, key, expected, writtenBy);
  return msg.badKey(file, key, expected, got, writtenBy);
}

/**
 * Validates parsed JSON as an artifact of `spec`: `format` must match,
 * `formatVersion` must be one this segwork reads (a newer one is refused
 * with a request to upgrade), and the schema of that version must hold.
 *
 * @throws SegworkError `artifact.format`, `artifact.newer-version`,
 *   `artifact.unknown-version`, `artifact.missing-key` or `artifact.bad-key`.
 * @example
 * validateArtifact({ format: "segwork-sweep", formatVersion: 1, … }, "sweep.json", SWEEP_FORMAT).recommendedK // => 4
 */
export function validateArtifact<T>(value: unknown, file: string, spec: JsonArtifactFormat<T>): T {
  const record =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (record?.format !== spec.format)
    throw msg.wrongFormat(file, record?.format, spec.format, spec.writtenBy);
  const version = record.formatVersion;
  const known = Object.keys(spec.schemas).map(Number);
  if (typeof version === "number" && Number.isInteger(version) && version > spec.version)
    throw msg.newerVersion(file, spec.format, version, spec.version);
  const schema = typeof version === "number" ? spec.schemas[version] : undefined;
  if (!schema || typeof version !== "number")
    throw msg.unknownVersion(file, spec.format, version, known, spec.writtenBy);
  const result = schema.safeParse(value);
  if (!result.success) throw issueError(value, result.error.issues[0]!, file, spec.writtenBy);
  const typed = (
    version === spec.version || !spec.upgrade ? result.data : spec.upgrade(result.data, version)
  ) as T;
  spec.check?.(typed, file);
  return typed;
}

/**
 * Parses artifact text (a BOM is allowed) and validates it.
 *
 * @throws SegworkError `artifact.syntax` for text that is not JSON (e.g. a
 *   truncated file), or any error of {@link validateArtifact}.
 * @example
 * parseArtifact(text, "runs/q3/sweep.json", SWEEP_FORMAT).k.length // => 9
 */
export function parseArtifact<T>(text: string, file: string, spec: JsonArtifactFormat<T>): T {
  return validateArtifact(parseJson(text, file, spec.writtenBy), file, spec);
}

/**
 * Reads and validates an artifact file.
 *
 * @throws SegworkError `artifact.not-found`, or any error of {@link parseArtifact}.
 * @example
 * readArtifact("runs/q3/sweep.json", SWEEP_FORMAT).recommendedK // => 4
 */
export function readArtifact<T>(file: string, spec: JsonArtifactFormat<T>): T {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw msg.notFound(file, spec.writtenBy);
  }
  return parseArtifact(text, file, spec);
}

/** The writer and readers of one JSON artifact format. */
export interface JsonArtifactIO<T> {
  /** The artifact's text (stable JSON, trailing newline). */
  write(artifact: T): string;
  /** Parses and validates the text of `file`. */
  parse(text: string, file: string): T;
  /** Reads and validates `file`. */
  read(file: string): T;
}

/**
 * The writer and readers of a format, so each artifact module states its
 * format once and exports `write…`, `parse…`, `read…File` from it.
 *
 * @example
 * const { write: writeSweep, parse: parseSweep, read: readSweepFile } = jsonArtifactIO(SWEEP_FORMAT);
 */
export function jsonArtifactIO<T>(spec: JsonArtifactFormat<T>): JsonArtifactIO<T> {
  return {
    write: (artifact) => toJson(artifact),
    parse: (text, file) => parseArtifact(text, file, spec),
    read: (file) => readArtifact(file, spec),
  };
}
