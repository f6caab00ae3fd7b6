import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCli as runCliMain } from "../../src/cli/program.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const cliPath = path.join(repoRoot, "dist/cli/main.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment every CLI run gets: a fixed report timestamp, no stack traces. */
const CLI_ENV = { SOURCE_DATE_EPOCH: "1700000000", SEGWORK_DEBUG: "" } as const;

/**
 * Runs the built CLI (`dist/`, which `npm test` builds first) in a child
 * process with a fixed report timestamp. Only for what needs a real process:
 * argv handling, exit codes, the bin entry; everything else uses
 * {@link runCliInProcess}, which costs no process start-up.
 */
export function runCli(args: string[], cwd = repoRoot): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...CLI_ENV },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Write = typeof process.stdout.write;

/** Replaces `stream.write` with one that appends to `sink`; returns the restore function. */
function capture(stream: NodeJS.WriteStream, sink: string[]): () => void {
  const write = stream.write;
  const hadTty = Object.prototype.hasOwnProperty.call(stream, "isTTY");
  const tty = stream.isTTY;
  // As in a spawned run with piped stdio: plain progress lines, no redrawn bar.
  Object.defineProperty(stream, "isTTY", { value: false, configurable: true, writable: true });
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((r): r is () => void => typeof r === "function");
    callback?.();
    return true;
  }) as Write;
  return () => {
    stream.write = write;
    if (hadTty) Object.defineProperty(stream, "isTTY", { value: tty, configurable: true });
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

/**
 * Runs segwork in this process (`runCli` of `src/cli/program.ts`), exactly as
 * the bin entry does but without a child process: stdout and stderr are
 * captured while it runs, SOURCE_DATE_EPOCH is fixed and SEGWORK_DEBUG
 * cleared for the call, and the exit code is returned as `status`. Paths are
 * resolved against the working directory (the repository root under vitest).
 *
 * @example
 * const r = await runCliInProcess(["sweep", "--input", file, "--features", "x", "--out", dir]);
 * expect(r.status, r.stderr).toBe(0);
 */
export async function runCliInProcess(args: string[]): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = Object.fromEntries(Object.keys(CLI_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, CLI_ENV);
  const restoreOut = capture(process.stdout, stdout);
  const restoreErr = capture(process.stderr, stderr);
  let status: number;
  try {
    status = await runCliMain(args);
  } finally {
    restoreErr();
    restoreOut();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return { status, stdout: stdout.join(""), stderr: stderr.join("") };
}

/** A fresh temporary directory. */
export function tempDir(prefix = "segwork-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes a file into `dir` and returns its path. */
export function writeInput(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}
