/**
 * Hungarian assignment against brute force, centroid matching on known
 * permutations, and refits that keep cluster names.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchCentroids, minimumCostAssignment, refitClusters } from "../../src/compare/index.js";
import { centroidMatrix } from "../../src/grade/index.js";
import { DEMO_CSV, fitModel } from "../grade/helpers.js";
import { loadTable } from "../../src/load/index.js";
import { FEATURES } from "./shipped.js";

/** Every permutation of 0..n−1 (n ≤ 8: 40,320). */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]),
  );
}

function bruteForce(costs: number[], n: number): number {
  let best = Infinity;
  for (const p of permutations(n)) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += costs[i * n + p[i]!]!;
    best = Math.min(best, sum);
  }
  return best;
}

describe("minimumCostAssignment", () => {
  it("solves a hand-worked 3 × 3 case", () => {
    // Rows: [4 1 3] [2 0 5] [3 2 2]: 1 + 2 + 2 = 5 is the least (row 0 → 1, row 1 → 0, row 2 → 2).
    const r = minimumCostAssignment(Float64Array.of(4, 1, 3, 2, 0, 5, 3, 2, 2), 3);
    expect(Array.from(r.columnOf)).toEqual([1, 0, 2]);
    expect(r.cost).toBe(5);
  });

  it("finds the brute-force optimum for every n ≤ 8, on integers with ties and on reals", () => {
    const matrix = (values: fc.Arbitrary<number>) =>
      fc
        .integer({ min: 1, max: 8 })
        .chain((n) =>
          fc.tuple(fc.constant(n), fc.array(values, { minLength: n * n, maxLength: n * n })),
        );
    const property = (n: number, costs: number[]) => {
      const r = minimumCostAssignment(costs, n);
      // A permutation, and its cost is the minimum (reals: within 1e-9 of summation-order noise).
      expect([...r.columnOf].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(Math.abs(r.cost - bruteForce(costs, n))).toBeLessThanOrEqual(1e-9);
    };
    fc.assert(
      fc.property(matrix(fc.integer({ min: 0, max: 5 })), ([n, c]) => property(n, c)),
      {
        seed: 9,
        numRuns: 60,
      },
    );
    fc.assert(
      fc.property(matrix(fc.double({ min: -100, max: 100, noNaN: true })), ([n, c]) =>
        property(n, c),
      ),
      { seed: 10, numRuns: 60 },
    );
  });

  it("handles the empty and 1 × 1 cases and refuses a non-square matrix", () => {
    expect(minimumCostAssignment([], 0).cost).toBe(0);
    expect(Array.from(minimumCostAssignment([7], 1).columnOf)).toEqual([0]);
    expect(() => minimumCostAssignment([1, 2, 3], 2)).toThrow(RangeError);
    expect(() => minimumCostAssignment([1, Infinity, 3, 4], 2)).toThrow(RangeError);
  });
});

describe("matchCentroids", () => {
  it("recovers a known permutation of jittered centroids", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc.shuffledSubarray(
              Array.from({ length: k }, (_, i) => i),
              { minLength: k, maxLength: k },
            ),
            fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), {
              minLength: 3 * k,
              maxLength: 3 * k,
            }),
          ),
        ),
        ([k, permutation, jitter]) => {
          const d = 3;
          // Centroids 2 z units apart on a line, jittered by at most 0.2 per coordinate.
          const previous = Float64Array.from({ length: k * d }, (_, x) =>
            x % d === 0 ? 2 * Math.floor(x / d) : 0,
          );
          const next = new Float64Array(k * d);
          permutation.forEach((old, j) => {
            for (let c = 0; c < d; c++)
              next[j * d + c] = previous[old * d + c]! + jitter[j * d + c]!;
          });
          const m = matchCentroids(previous, next, k, d);
          expect(Array.from(m.previousOf)).toEqual(permutation);
          expect(m.poorMatches).toBe(0);
          for (const pair of m.pairs) expect(pair.relativeDrift).toBeLessThan(1);
        },
      ),
      { seed: 11, numRuns: 80 },
    );
  });

  it("flags a match whose new centroid sits in another cluster's cell", () => {
    // Previous at 0, 4 and 10 (1-d). New at 5, 9 and 20: 0→5, 4→9, 10→20 costs 5+5+10 = 20,
    // the least; but new 5 is nearer 4 than 0, and new 9 nearer 10 than 4.
    const m = matchCentroids(Float64Array.of(0, 4, 10), Float64Array.of(5, 9, 20), 3, 1);
    expect(Array.from(m.previousOf)).toEqual([0, 1, 2]);
    expect(m.totalDrift).toBe(20);
    expect(m.pairs.map((p) => [p.poor, p.nearestPrevious])).toEqual([
      [true, 1],
      [true, 2],
      [false, 2],
    ]);
    // Drift ÷ half the gap to the nearest other centroid: 5 / 2, 5 / 2, 10 / 3.
    expect(m.pairs.map((p) => p.relativeDrift)).toEqual([2.5, 2.5, 10 / 3]);
  });
});

describe("refitClusters", () => {
  it("keeps every name when the table is the one the model was fitted on", async () => {
    const table = await loadTable(DEMO_CSV, { id: "client_id" });
    const options = {
      features: FEATURES,
      log: ["frequency", "monetary"],
      scale: "zscore" as const,
    };
    const { model, fitLabels } = fitModel(table, options, 4);
    // The model numbers clusters by spend, K-Means by its own order: the match undoes that.
    const refit = refitClusters(model, table, centroidMatrix(model), { seed: 0, restarts: 4 });
    expect(Array.from(refit.cluster).filter((c) => c >= 0)).toEqual(Array.from(fitLabels));
    expect(Array.from(refit.match.previousOf)).not.toEqual([0, 1, 2, 3]); // a real renumbering
    expect(refit.match.poorMatches).toBe(0);
    for (const pair of refit.match.pairs) expect(pair.drift).toBeLessThan(1e-12);
    // The refit's centroids, renumbered, are the model's.
    const saved = centroidMatrix(model);
    refit.centroids.forEach((v, x) => expect(v).toBeCloseTo(saved[x]!, 12));
  });
});
