import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliMessages as msg } from "../shared/messages/index.js";

/** One file to write: a name inside the output directory and its content. */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * Checks `--out` before any work is done, so a bad target fails fast:
 * it must not be an existing file, and no output may replace an input.
 *
 * @throws SegworkError when `out` is a file or an output path is an input path.
 */
export function checkOutputTarget(out: string, names: string[], inputs: string[]): void {
  if (existsSync(out) && !statSync(out).isDirectory()) throw msg.outIsFile(out);
  const inputSet = new Set(inputs.map((p) => path.resolve(p)));
  for (const name of names) {
    const target = path.resolve(out, name);
    if (inputSet.has(target)) throw msg.outWouldOverwriteInput(target);
  }
}

/**
 * Writes all files or none: into a fresh staging directory that is renamed to
 * `out` when `out` does not exist yet; otherwise each file goes to a temporary
 * name beside its target and all are renamed only after every write succeeded.
 * A crash mid-way leaves only `*.tmp-<pid>` litter, never a half-written result.
 */
export function writeOutputsAtomically(out: string, files: OutputFile[]): void {
  const suffix = `.tmp-${process.pid}`;
  if (!existsSync(out)) {
    const parent = path.dirname(path.resolve(out));
    mkdirSync(parent, { recursive: true });
    const staging = path.resolve(out) + suffix;
    mkdirSync(staging);
    try {
      for (const f of files) writeFileSync(path.join(staging, f.name), f.content);
      renameSync(staging, out);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    return;
  }
  const written: string[] = [];
  try {
    for (const f of files) {
      const temporary = path.join(out, f.name + suffix);
      writeFileSync(temporary, f.content);
      written.push(temporary);
    }
  } catch (error) {
    for (const t of written) rmSync(t, { force: true });
    throw error;
  }
  for (const f of files) renameSync(path.join(out, f.name + suffix), path.join(out, f.name));
}

/** Quotes a CSV field when needed (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Serializes rows as CSV with a header; `bom` prepends U+FEFF so Excel reads UTF-8. */
export function toCsv(header: string[], rows: (string | number)[][], bom = false): string {
  const lines = [header.map(csvField).join(",")];
  for (const row of rows) lines.push(row.map((v) => csvField(String(v))).join(","));
  return (bom ? "\uFEFF" : "") + lines.join("\n") + "\n";
}

/** Stable JSON: two-space indent, trailing newline, non-finite numbers as null. */
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
