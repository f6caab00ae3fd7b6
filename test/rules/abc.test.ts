import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abcAnalysis, areaUnder, describeAbc, giniSorted } from "../../src/rules/index.js";

describe("abcAnalysis classes", () => {
  it("classes a client whose revenue starts at exactly 80% as B, the one before (reaching 80%) as A", () => {
    // 50, 30, 10, 5, 5 (total 100): revenue before each = 0, 50, 80, 90, 90 (tie) → A A B B B.
    const r = abcAnalysis([50, 30, 10, 5, 5]);
    expect(r.abcClass).toEqual(["A", "A", "B", "B", "B"]);
    expect(r.classes).toEqual([
      { name: "A", count: 2, clientShare: 0.4, revenue: 80, revenueShare: 0.8 },
      { name: "B", count: 3, clientShare: 0.6, revenue: 20, revenueShare: 0.2 },
      { name: "C", count: 0, clientShare: 0, revenue: 0, revenueShare: 0 },
    ]);
  });

  it("puts the client that crosses 80% in A (A = fewest top clients making at least 80%)", () => {
    // 40, 30, 20, 6, 3, 1: before = 0, 40, 70 (crosses to 90) → A; 90 → B; 96, 99 → C.
    const r = abcAnalysis([20, 40, 1, 6, 30, 3]);
    expect(r.abcClass).toEqual(["A", "A", "C", "B", "A", "C"]);
    expect(r.classes.map((c) => [c.count, c.revenueShare])).toEqual([
      [3, 0.9],
      [1, 0.06],
      [2, 0.04],
    ]);
  });

  it("keeps tied revenues in one class", () => {
    // 30, 25, 25, 20: the 25s start at 30% → both A although the second starts at 55%; 20 starts at 80% → B.
    expect(abcAnalysis([30, 25, 25, 20]).abcClass).toEqual(["A", "A", "A", "B"]);
  });

  it("clamps negative revenues to 0, counts them, and puts zero-revenue clients in C", () => {
    const r = abcAnalysis([-10, 0, 60, 40]);
    expect(r.abcClass).toEqual(["C", "C", "A", "A"]);
    expect([r.negativeCount, r.negativeTotal, r.totalRevenue]).toEqual([1, -10, 100]);
    expect(describeAbc(r)).toEqual([
      "1 client has negative revenue (-10 in all); they count as 0 for the ABC shares and the Gini coefficient",
    ]);
  });

  it("takes configurable shares (70% A, 20% B)", () => {
    // 40, 30, 20, 6, 3, 1 with A < 70%, B < 90%: before 0, 40 → A; 70 → B; 90, 96, 99 → C.
    expect(abcAnalysis([40, 30, 20, 6, 3, 1], { aShare: 0.7, bShare: 0.2 }).abcClass).toEqual([
      "A",
      "A",
      "B",
      "C",
      "C",
      "C",
    ]);
  });

  it("makes everyone C when there is no revenue", () => {
    const r = abcAnalysis([0, -5]);
    expect(r.abcClass).toEqual(["C", "C"]);
    expect(r.gini).toBe(0);
  });
});

describe("Lorenz curve and Gini", () => {
  it("hand-worked 1, 2, 3, 4: G = 2·30/(4·10) − 5/4 = 0.25 = 1 − 2·0.375", () => {
    const r = abcAnalysis([3, 1, 4, 2]);
    expect(r.lorenz.map((p) => [p.clientShare, p.revenueShare])).toEqual([
      [0, 0],
      [0.25, 0.1],
      [0.5, 0.3],
      [0.75, 0.6],
      [1, 1],
    ]);
    expect(r.gini).toBeCloseTo(0.25, 14);
    expect(areaUnder(r.lorenz)).toBeCloseTo(0.375, 14);
  });

  it("gives 0 for equal revenues and (n − 1)/n when one client has everything", () => {
    expect(giniSorted([5, 5, 5], 15)).toBeCloseTo(0, 14);
    expect(giniSorted([0, 0, 0, 10], 10)).toBeCloseTo(0.75, 14);
  });

  it("has the Pareto curve start at (0,0) with the best clients first", () => {
    const r = abcAnalysis([50, 30, 10, 5, 5]);
    expect(r.pareto.map((p) => [p.clientShare, p.revenueShare])).toEqual([
      [0, 0],
      [0.2, 0.5],
      [0.4, 0.8],
      [0.6, 0.9],
      [0.8, 0.95],
      [1, 1],
    ]);
  });

  it("satisfies Gini = 1 − 2·(area under the Lorenz curve) for any revenues (±1e-12)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (xs) => {
          const r = abcAnalysis(xs);
          if (r.totalRevenue === 0) return r.gini === 0;
          return (
            Math.abs(r.gini - (1 - 2 * areaUnder(r.lorenz))) < 1e-12 &&
            r.gini >= -1e-12 &&
            r.gini < 1
          );
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
