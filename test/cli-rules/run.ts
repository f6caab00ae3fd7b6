import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { cliPath, repoRoot, type CliResult } from "../helpers/cli.js";

/**
 * The built CLI, or another entry named by SEGWORK_CLI (used while the rule
 * commands are not yet registered in src/cli/main.ts).
 */
const entry = process.env.SEGWORK_CLI ? path.resolve(repoRoot, process.env.SEGWORK_CLI) : cliPath;

/** Runs the CLI with a fixed report timestamp (as test/helpers/cli.ts does). */
export function run(args: string[]): CliResult {
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000", SEGWORK_DEBUG: "" },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and expects success, returning stderr. */
export function runOk(args: string[]): string {
  const r = run(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

/**
 * Runs and expects a user error: exit 2, the exact message on stderr, no
 * stack trace, and nothing written (no `out`, no temporary litter beside it).
 */
export function expectFailure(args: string[], out: string, message: string): void {
  const r = run([...args, "--out", out, "--quiet"]);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toBe(`segwork: ${message}\n`);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(path.dirname(out)).filter((f) => f.includes(".tmp-"))).toEqual([]);
}
