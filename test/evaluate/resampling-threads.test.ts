import { describe, expect, it } from "vitest";
import { kmeans } from "../../src/cluster/index.js";
import { gapStatistic } from "../../src/evaluate/gap.js";
import { RESAMPLING_PARALLEL_MIN_ROWS } from "../../src/evaluate/resampling.js";
import { clusterStability } from "../../src/evaluate/stability.js";
import { badEvaluateOption } from "../../src/shared/messages/evaluate.js";
import { errorOf } from "../helpers/errors.js";
import { blobs } from "./blobs.js";

// Three blobs in 3 columns, enough rows for the resampling fits to go parallel.
const m = blobs(
  [
    [0, 0, 0],
    [5, 0, 0],
    [0, 5, 2],
  ],
  Math.ceil((RESAMPLING_PARALLEL_MIN_ROWS + 2_000) / 3),
  5,
);

describe("gap and stability on worker threads", () => {
  it("a set of this size is fitted on two threads by the resampling fits' threshold", () => {
    const fit = { k: 3, restarts: 1, seed: 1, threads: 2 };
    expect(kmeans(m, { ...fit, parallelMinRows: RESAMPLING_PARALLEL_MIN_ROWS }).threads).toBe(2);
    expect(kmeans(m, fit).threads).toBe(1);
  });

  it("the gap statistic is byte-identical on 1 and 2 threads", () => {
    const options = { kMax: 4, seed: 11, references: 3, dPower: 2 };
    const one = gapStatistic(m, { ...options, threads: 1 });
    const two = gapStatistic(m, { ...options, threads: 2 });
    expect(Buffer.from(two.referenceLogW.buffer)).toEqual(Buffer.from(one.referenceLogW.buffer));
    expect(Buffer.from(two.logW.buffer)).toEqual(Buffer.from(one.logW.buffer));
    expect(two.bestK).toBe(3);
    expect(two).toEqual(one);
  });

  it("stability is identical on 1 and 2 threads", () => {
    const options = { ks: [2, 3], seed: 11, resamples: 3 };
    const one = clusterStability(m, { ...options, threads: 1 });
    const two = clusterStability(m, { ...options, threads: 2 });
    expect(two).toEqual(one);
    expect(two.perK[1]!.ari).toBeGreaterThan(0.99);
  });

  it("refuses a thread count below 1", () => {
    expect(errorOf(() => gapStatistic(m, { kMax: 3, seed: 1, threads: 0 }))).toEqual(
      badEvaluateOption("gap", "threads", "0", "an integer ≥ 1"),
    );
    expect(errorOf(() => clusterStability(m, { ks: [2], seed: 1, threads: 1.5 }))).toEqual(
      badEvaluateOption("stability", "threads", "1.5", "an integer ≥ 1"),
    );
  });
});
