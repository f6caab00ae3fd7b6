import { describe, expect, it } from "vitest";
import { gapStatistic } from "../../src/evaluate/gap.js";
import { seededKMeans } from "../../src/evaluate/resampling.js";
import { clusterStability } from "../../src/evaluate/stability.js";
import { badEvaluateOption } from "../../src/shared/messages/evaluate.js";
import { errorOf } from "../helpers/errors.js";
import { blobs } from "./blobs.js";

// The worker threads themselves run from the build: test/evaluate/set-pool.test.ts.
const m = blobs(
  [
    [0, 0, 0],
    [5, 0, 0],
    [0, 5, 2],
  ],
  200,
  5,
);

describe("gap and stability: whole sets, each on its own streams", () => {
  it("the gap's reference sets do not depend on the order they are clustered in", () => {
    const options = { kMax: 4, seed: 11, references: 4, dPower: 2 };
    const byDefault = gapStatistic(m, options);
    // The same K-Means as the default path, handed in as the caller's clusterer (which runs on this thread)
    const kmeansOf = seededKMeans(11, { restarts: 1 });
    const order: number[] = [];
    const own = gapStatistic(m, {
      ...options,
      cluster: (set, k, b) => {
        if (k === 2) order.push(b);
        return kmeansOf(set, k, b);
      },
    });
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(own).toEqual(byDefault);
    expect(byDefault.bestK).toBe(3);
  });

  it("stability clusters each resample with its own seed, as the caller's clusterer sees them", () => {
    const options = { ks: [2, 3], seed: 11, resamples: 3 };
    const byDefault = clusterStability(m, options);
    const own = clusterStability(m, { ...options, cluster: seededKMeans(11, { restarts: 1 }) });
    expect(own).toEqual(byDefault);
    expect(byDefault.perK[1]!.ari).toBeGreaterThan(0.99);
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
