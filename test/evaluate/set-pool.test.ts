/**
 * The gap's reference sets and stability's resamples on worker threads. The
 * workers run the compiled `dist/evaluate/set-worker.js` (under vitest the
 * sources have none, and every set runs on the calling thread), so this file
 * tests the build, which `npm test` makes first.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type * as GapModule from "../../src/evaluate/gap.js";
import type * as PoolModule from "../../src/evaluate/set-pool.js";
import type * as StabilityModule from "../../src/evaluate/stability.js";
import { blobs } from "./blobs.js";

const dist = path.resolve(import.meta.dirname, "../../dist/evaluate");
const built = existsSync(path.join(dist, "set-worker.js"));
if (!built) console.log("set-pool.test.ts: no build in dist/ (run `npm run build`); skipped");

async function load<T>(name: string): Promise<T> {
  return (await import(pathToFileURL(path.join(dist, name)).href)) as T;
}

// Three blobs, enough rows per set for the sets to go to workers.
const m = blobs(
  [
    [0, 0, 0],
    [5, 0, 0],
    [0, 5, 2],
  ],
  2_400,
  5,
);

describe.skipIf(!built)("gap and stability on worker threads (the build)", () => {
  it("sets of this size go to workers", async () => {
    const pool = await load<typeof PoolModule>("set-pool.js");
    expect(m.rows).toBeGreaterThanOrEqual(pool.SET_PARALLEL_MIN_ROWS);
  });

  it("the gap statistic is byte-identical on 1 and 2 threads, with progress in order", async () => {
    const { gapStatistic } = await load<typeof GapModule>("gap.js");
    const options = { kMax: 4, seed: 11, references: 6, dPower: 2 };
    const one = gapStatistic(m, { ...options, threads: 1 });
    const seen: number[] = [];
    const two = gapStatistic(m, { ...options, threads: 2, onProgress: (done) => seen.push(done) });
    expect(Buffer.from(two.referenceLogW.buffer)).toEqual(Buffer.from(one.referenceLogW.buffer));
    expect(Buffer.from(two.logW.buffer)).toEqual(Buffer.from(one.logW.buffer));
    expect(two).toEqual(one);
    expect(two.bestK).toBe(3);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("stability is identical on 1 and 2 threads", async () => {
    const { clusterStability } = await load<typeof StabilityModule>("stability.js");
    const options = { ks: [2, 3, 4], seed: 11, resamples: 5 };
    const one = clusterStability(m, { ...options, threads: 1 });
    const two = clusterStability(m, { ...options, threads: 2 });
    expect(two).toEqual(one);
    expect(two.perK[1]!.ari).toBeGreaterThan(0.99);
  });

  it("a worker stopped mid-job ends the job with workerStopped, and the next job runs", async () => {
    const { gapStatistic } = await load<typeof GapModule>("gap.js");
    const pool = await load<typeof PoolModule>("set-pool.js");
    const options = { kMax: 6, seed: 3, references: 40, dPower: 2, threads: 2 };
    pool.killSetWorkerForTesting(2);
    let caught: unknown;
    try {
      gapStatistic(m, options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "cluster.worker-stopped", exitCode: 70 });
    expect(String((caught as Error).message)).toMatch(
      /worker thread stopped before the run finished/,
    );
    const again = gapStatistic(m, { ...options, references: 4 });
    expect(again).toEqual(gapStatistic(m, { ...options, references: 4, threads: 1 }));
  });
});
