/**
 * A worker thread that dies mid-run (here terminated from outside, as the
 * operating system stops a thread that ran out of memory) fails the run with
 * one `workerStopped` error instead of leaving the calling thread waiting
 * forever in `Atomics.wait`; the pool then recovers, and a whole command
 * exits with one line, code 70, and writes nothing.
 */
import { existsSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { kmeans } from "../../src/cluster/index.js";
import { killWorkerForTesting } from "../../src/cluster/thread-pool.js";
import { SegworkError } from "../../src/shared/errors.js";
import * as messages from "../../src/shared/messages/cluster.js";
import { cliPath, repoRoot, runCli, tempDir } from "../helpers/cli.js";
import { blobs, fingerprint } from "./helpers.js";

const scratch = tempDir("segwork-worker-death-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Two threads need two CPUs: with one, runs stay on the calling thread and no worker exists.
describe.skipIf(availableParallelism() < 2)("a worker thread that dies mid-run", () => {
  // 120k × 6, k = 8: each restart issues dozens of commands (seeding steps, Lloyd iterations),
  // so a kill after the 30th command lands mid-run.
  const matrix = blobs(120_000, 6, 8, 2, 3);
  const options = { k: 8, restarts: 8, seed: 5, maxIterations: 100, threads: 2 };

  it("fails the run with one workerStopped error, every time", () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      killWorkerForTesting(30);
      let error: unknown;
      const started = Date.now();
      try {
        kmeans(matrix, options);
      } catch (caught) {
        error = caught;
      }
      expect(error, `attempt ${attempt}`).toBeInstanceOf(SegworkError);
      expect((error as SegworkError).message).toBe(
        messages.workerStopped("it exited with code 1").message,
      );
      expect((error as SegworkError).exitCode).toBe(70);
      expect(Date.now() - started).toBeLessThan(60_000);
    }
  }, 120_000);

  it("the pool recovers: the next run on two threads equals the run on one", () => {
    const two = kmeans(matrix, { ...options, restarts: 2 });
    const one = kmeans(matrix, { ...options, restarts: 2, threads: 1 });
    expect(two.threads).toBe(2);
    expect(fingerprint({ ...two, threads: 1 })).toEqual(fingerprint(one));
  }, 120_000);

  it("a whole command prints one line, exits 70 and writes nothing", () => {
    const input = path.join(scratch, "synth.csv");
    const made = runCli([
      "synth",
      ...["--rows", "150000", "--features", "6", "--clusters", "6", "--seed", "3"],
      ...["--out", input],
    ]);
    expect(made.status, made.stderr).toBe(0);
    const out = path.join(scratch, "sweep");
    const features = "f1,f2,f3,f4,f5,f6";
    const result = spawnSync(
      process.execPath,
      [
        cliPath,
        "sweep",
        ...["--input", input, "--id", "client_id", "--features", features, "--k", "2..8"],
        ...["--restarts", "6", "--threads", "2", "--out", out, "--quiet"],
      ],
      {
        cwd: repoRoot,
        encoding: "utf8",
        env: { ...process.env, SEGWORK_TEST_KILL_WORKER_AFTER: "30", SEGWORK_DEBUG: "" },
        timeout: 120_000,
      },
    );
    expect(result.stderr).toBe(
      `segwork: ${messages.workerStopped("it exited with code 1").message}\n`,
    );
    expect(result.status).toBe(70);
    expect(existsSync(out)).toBe(false);
  }, 180_000);
});
