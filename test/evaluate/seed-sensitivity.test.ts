import { describe, expect, it } from "vitest";
import { kmeans } from "../../src/cluster/index.js";
import { adjustedRandOfCodes } from "../../src/evaluate/label-agreement.js";
import { seedSensitivity, seedSensitivityOf } from "../../src/evaluate/seed-sensitivity.js";
import { adjustedRandIndex } from "../../src/compare/metrics.js";
import { badEvaluateOption } from "../../src/shared/messages/evaluate.js";
import { Random } from "../../src/shared/random.js";
import { errorOf } from "../helpers/errors.js";
import { blobs, uniformRows } from "./blobs.js";

describe("adjustedRandOfCodes", () => {
  it("equals the compare stage's ARI on the rows both labelings hold", () => {
    const rng = new Random(3);
    const a = Int32Array.from({ length: 500 }, () => rng.int(4) - (rng.next() < 0.2 ? 5 : 0));
    const b = Int32Array.from({ length: 500 }, () => rng.int(3) - (rng.next() < 0.2 ? 5 : 0));
    const shared = [...a.keys()].filter((i) => a[i]! >= 0 && b[i]! >= 0);
    const expected = adjustedRandIndex(
      shared.map((i) => a[i]!),
      shared.map((i) => b[i]!),
    );
    expect(adjustedRandOfCodes(a, b, 4, 3)).toBe(expected); // same table, same arithmetic
    expect(adjustedRandOfCodes(Int32Array.of(0, 0, 1, 1), Int32Array.of(0, 0, 1, 2), 2, 3)).toBe(
      0.5714285714285714,
    );
  });
});

describe("seedSensitivityOf", () => {
  it("hand-worked: two runs alike, one worse and different", () => {
    const s = seedSensitivityOf(
      [
        { inertia: 12, labels: Int32Array.of(0, 0, 1, 1) },
        { inertia: 10, labels: Int32Array.of(1, 1, 0, 0) },
        { inertia: 10, labels: Int32Array.of(0, 0, 1, 1) },
      ],
      2,
    );
    expect(s).toMatchObject({ best: 10, worst: 12, bestRestart: 1, reachedBest: 2, restarts: 3 });
    expect(s.relativeSpread).toBeCloseTo(0.2, 15);
    expect(Array.from(s.ariToBest)).toEqual([1, 1, 1]);
    expect(s.meanPairwiseARI).toBe(1);
  });

  it("needs at least one run", () => {
    expect(errorOf(() => seedSensitivityOf([], 2))).toEqual(
      badEvaluateOption("seed sensitivity", "runs", "0 runs", "at least one restart"),
    );
  });
});

describe("seedSensitivity", () => {
  it("fits exactly what kmeans fits, and reports each restart's own inertia", () => {
    const m = uniformRows(400, 3, 8);
    const options = { k: 6, restarts: 8, seed: 5 };
    const { clustering, sensitivity } = seedSensitivity(m, options);
    expect(clustering).toEqual(kmeans(m, options));
    // best-so-far inertias are the running minimum of the restarts' own
    let low = Infinity;
    expect(clustering.restartInertias).toEqual(
      Array.from(sensitivity.inertias, (v) => (low = Math.min(low, v))),
    );
    expect(sensitivity.best).toBe(clustering.inertia);
    expect(sensitivity.ariToBest[sensitivity.bestRestart]).toBe(1);
    // uniform noise at k = 6: the restarts land on different optima
    expect(sensitivity.relativeSpread).toBeGreaterThan(0);
    expect(sensitivity.minPairwiseARI).toBeLessThan(0.95);
  });

  it("well-separated blobs: every restart finds the same partition", () => {
    const m = blobs(
      [
        [0, 0],
        [10, 0],
        [20, 0],
      ],
      50,
      2,
    );
    const { sensitivity } = seedSensitivity(m, { k: 3, restarts: 10, seed: 1 });
    expect(sensitivity.reachedBest).toBe(10);
    expect(sensitivity.meanPairwiseARI).toBe(1);
    expect(sensitivity.relativeSpread).toBeLessThan(1e-12);
  });
});
