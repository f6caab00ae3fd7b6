import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { runCliInProcess, type CliResult } from "../helpers/cli.js";

/** Runs the CLI in-process with a fixed report timestamp (see `runCliInProcess`). */
export function run(args: string[]): Promise<CliResult> {
  return runCliInProcess(args);
}

/** Runs and expects success, returning stderr. */
export async function runOk(args: string[]): Promise<string> {
  const r = await run(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

/**
 * Runs and expects a user error: exit 2, the exact message on stderr, no
 * stack trace, and nothing written (no `out`, no temporary litter beside it).
 */
export async function expectFailure(args: string[], out: string, message: string): Promise<void> {
  const r = await run([...args, "--out", out, "--quiet"]);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toBe(`segwork: ${message}\n`);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(path.dirname(out)).filter((f) => f.includes(".tmp-"))).toEqual([]);
}
