/**
 * Writing a command's outputs: the target is checked before any work (it
 * must not be a file where a folder is wanted, its parents must be
 * creatable, and no output may be an input — compared by real path, so a
 * symbolic link cannot lead a write onto an input, and by device and inode,
 * so neither can a hard link); then every file is written or none is.
 */
import {
  existsSync,
  mkdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import path from "node:path";
import type { OutputFile } from "../workflows/files.js";
import { SegworkError } from "../shared/errors.js";
import { cliMessages as msg } from "../shared/messages/index.js";

/** A path with every symbolic link resolved, including in parents that do not exist yet. */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync(existing), ...rest);
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Throws when `target` is one of `inputs`: the same real path, or the same file by device and inode. */
function refuseInput(target: string, inputs: readonly string[]): void {
  const real = realPath(target);
  const stat = statOrNull(target);
  for (const input of inputs) {
    if (realPath(input) === real) throw msg.outWouldOverwriteInput(real);
    const inputStat = statOrNull(input);
    if (stat && inputStat && stat.dev === inputStat.dev && stat.ino === inputStat.ino)
      throw msg.outWouldOverwriteInput(real);
  }
}

/** Throws when an output's name is taken by a folder (its rename would fail after others succeeded). */
function refuseFolder(target: string): void {
  if (statOrNull(target)?.isDirectory()) throw msg.outNameIsFolder(target);
}

/** Throws unless the folder `dir` exists or can be created: its nearest existing ancestor must be a folder. */
function checkCreatableFolder(dir: string, option: string): void {
  let existing = path.resolve(dir);
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) return;
    existing = parent;
  }
  if (!statSync(existing).isDirectory()) throw msg.outUnderFile(option, dir, existing);
}

/**
 * Checks `--out <dir>` before any work: it must not be an existing file, it
 * must be creatable, and no output may replace an input.
 *
 * @throws SegworkError `out-is-file`, `out-under-file`, `out-name-is-folder` or `out-overwrites-input`.
 * @example
 * checkOutputTarget("runs/q3", ["sweep.json", "report.html"], ["clients.csv"]);
 */
export function checkOutputTarget(
  out: string,
  names: readonly string[],
  inputs: readonly string[],
): void {
  if (existsSync(out) && !statSync(out).isDirectory()) throw msg.outIsFile(out);
  checkCreatableFolder(out, "--out");
  for (const name of names) {
    refuseFolder(path.join(out, name));
    refuseInput(path.join(out, name), inputs);
  }
}

/**
 * Checks `--out <file>` before any work: not a folder, its folder creatable,
 * and not one of the inputs (nor is the file `companions` written beside it).
 *
 * @param isFolder the error for an `out` that is a folder (what the file should be).
 * @throws SegworkError `out-is-directory`, `out-under-file`, `out-name-is-folder` or `out-overwrites-input`.
 * @example
 * checkOutputFile("runs/clients.csv", ["tx.csv"], ["runs/clients.cleaning.json"]);
 */
export function checkOutputFile(
  out: string,
  inputs: readonly string[],
  companions: readonly string[] = [],
  isFolder: (out: string) => Error = msg.outIsDirectory,
): void {
  if (existsSync(out) && statSync(out).isDirectory()) throw isFolder(out);
  checkCreatableFolder(path.dirname(path.resolve(out)), "--out");
  companions.forEach(refuseFolder);
  for (const file of [out, ...companions]) refuseInput(file, inputs);
}

/** A file-system error while writing, as one line naming the path. */
function writeError(error: unknown, file: string): Error {
  if (error instanceof SegworkError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, "") : String(error);
  return msg.writeFailed(file, code, reason);
}

/**
 * Writes all files or none: into a fresh staging folder that is renamed to
 * `out` when `out` does not exist yet (its parents are created); otherwise
 * each file goes to a temporary name beside its target and all are renamed
 * only after every write succeeded. A crash mid-way leaves at most
 * `*.tmp-<pid>` litter, never a half-written result.
 *
 * @throws SegworkError `write-failed` naming the path for any file-system error.
 * @example
 * writeOutputsAtomically("runs/q3", [{ name: "sweep.json", content: "{}\n" }]);
 */
export function writeOutputsAtomically(out: string, files: readonly OutputFile[]): void {
  const suffix = `.tmp-${process.pid}`;
  if (!existsSync(out)) {
    const staging = path.resolve(out) + suffix;
    try {
      mkdirSync(path.dirname(staging), { recursive: true });
      mkdirSync(staging);
    } catch (error) {
      throw writeError(error, out);
    }
    let current = staging;
    try {
      for (const f of files) {
        current = path.join(staging, f.name);
        writeFileSync(current, f.content);
      }
      current = out;
      renameSync(staging, out);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw writeError(error, current);
    }
    return;
  }
  const written: string[] = [];
  let current = out;
  try {
    for (const f of files) {
      current = path.join(out, f.name);
      writeFileSync(current + suffix, f.content);
      written.push(current + suffix);
    }
    for (const f of files) {
      current = path.join(out, f.name);
      renameSync(current + suffix, current);
    }
  } catch (error) {
    for (const t of written) rmSync(t, { force: true });
    throw writeError(error, current);
  }
}
