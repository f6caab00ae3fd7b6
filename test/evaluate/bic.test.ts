/** The BIC of K-Means fits as spherical Gaussian mixtures (X-means), against hand-worked cases. */
import { describe, expect, it } from "vitest";
import { bicCurve, clusterSizes, kmeansBic, sweepBic } from "../../src/evaluate/bic.js";
import { meanAbsoluteSkewness } from "../../src/evaluate/cluster-skewness.js";
import { kmeans } from "../../src/cluster/index.js";
import { fromRows } from "../../src/shared/matrix.js";
import { Random } from "../../src/shared/random.js";

describe("kmeansBic", () => {
  // Rows 0, 2, 10, 12 in one dimension (n = 4, d = 1).
  it("k = 2 by hand: sizes 2, 2, W = 4, σ² = 4 / (1 · (4 − 2)) = 2, p = 1 + 2 + 1 = 4", () => {
    const fit = kmeansBic({ sizes: [2, 2], inertia: 4 }, 1);
    // Σ n_j ln(n_j / n) = 4 ln ½; −(n d / 2) ln(2π σ²) = −2 ln 4π; −d (n − k) / 2 = −1
    const logL = 4 * Math.log(0.5) - 2 * Math.log(4 * Math.PI) - 1;
    expect(fit.parameters).toBe(4);
    expect(fit.logLikelihood).toBeCloseTo(logL, 12);
    expect(fit.bic).toBeCloseTo(logL - 2 * Math.log(4), 12);
    expect(fit.bic).toBeCloseTo(-11.6072, 4);
  });

  it("k = 1 by hand: W(1) = 36 + 16 + 16 + 36 = 104, σ² = 104 / 3, p = 2", () => {
    const fit = kmeansBic({ sizes: [4], inertia: 104 }, 1);
    const logL = -2 * Math.log((2 * Math.PI * 104) / 3) - 1.5;
    expect(fit.logLikelihood).toBeCloseTo(logL, 12);
    expect(fit.bic).toBeCloseTo(logL - Math.log(4), 12);
    expect(fit.bic).toBeCloseTo(-13.6536, 4);
  });

  it("the variance is per dimension: two identical copies of a column double log L's data terms", () => {
    const one = kmeansBic({ sizes: [2, 2], inertia: 4 }, 1);
    const two = kmeansBic({ sizes: [2, 2], inertia: 8 }, 2);
    // same σ² = 2; the mixing term 4 ln ½ is not doubled
    expect(two.logLikelihood - 4 * Math.log(0.5)).toBeCloseTo(
      2 * (one.logLikelihood - 4 * Math.log(0.5)),
      12,
    );
    expect(two.parameters).toBe(1 + 4 + 1);
  });

  it("a fit without spread, or with as many clusters as rows, has no BIC (−∞)", () => {
    expect(kmeansBic({ sizes: [2, 2], inertia: 0 }, 1).bic).toBe(Number.NEGATIVE_INFINITY);
    expect(kmeansBic({ sizes: [1, 1], inertia: 1 }, 1).bic).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("bicCurve / sweepBic", () => {
  it("two tight pairs: the curve over k = 1, 2 peaks at 2", () => {
    const curve = bicCurve([{ k: 2, sizes: [2, 2], inertia: 4 }], {
      features: 1,
      totalSumOfSquares: 104,
    });
    expect(curve.k).toEqual([1, 2]);
    expect(curve.bestK).toBe(2);
  });

  it("one Gaussian blob says k = 1 (no structure); three far Gaussian blobs say 3", () => {
    const rng = new Random(7);
    const blob = (cx: number, cy: number): number[] => [cx + rng.normal(), cy + rng.normal()];
    const one = fromRows(Array.from({ length: 150 }, () => blob(0, 0)));
    const three = fromRows(
      Array.from({ length: 150 }, (_, i) => blob([0, 10, 20][i % 3]!, [0, 10, 0][i % 3]!)),
    );
    const bestOf = (m: ReturnType<typeof fromRows>): number | undefined => {
      const clusterings = new Map(
        [2, 3, 4, 5].map((k) => [k, kmeans(m, { k, restarts: 5, seed: 1 })]),
      );
      const rows = [...clusterings].map(([k, c]) => ({ k, inertia: c.inertia }));
      return sweepBic(m, rows, clusterings)?.bestK;
    };
    expect(bestOf(one)).toBe(1);
    expect(bestOf(three)).toBe(3);
  });

  it("states the skewness of the clusters at its peak: round blobs near 0, exponential ones well above 0.5", () => {
    const rng = new Random(11);
    const exponential = (): number => -Math.log(1 - rng.next()) - 1;
    const fitOf = (deviation: () => number) => {
      const m = fromRows(
        Array.from({ length: 600 }, (_, i) => [
          [0, 12, 24][i % 3]! + deviation(),
          [0, 12, 0][i % 3]! + deviation(),
        ]),
      );
      const clusterings = new Map(
        [2, 3, 4, 5, 6].map((k) => [k, kmeans(m, { k, restarts: 5, seed: 1 })]),
      );
      const rows = [...clusterings].map(([k, c]) => ({ k, inertia: c.inertia }));
      return { m, clusterings, bic: sweepBic(m, rows, clusterings)! };
    };
    const round = fitOf(() => rng.normal());
    expect(round.bic.bestK).toBe(3);
    expect(round.bic.skewness).toBeLessThan(0.3);
    const skewed = fitOf(exponential);
    const best = skewed.clusterings.get(skewed.bic.bestK)!;
    expect(skewed.bic.skewness).toBe(
      meanAbsoluteSkewness(skewed.m, best.labels, skewed.bic.bestK, best.centroids),
    );
    expect(skewed.bic.skewness).toBeGreaterThan(0.5);
    // no skewness without the fits' centroids
    const labelsOnly = new Map([...skewed.clusterings].map(([k, c]) => [k, { labels: c.labels }]));
    const rows = [...skewed.clusterings].map(([k, c]) => ({ k, inertia: c.inertia }));
    expect(sweepBic(skewed.m, rows, labelsOnly)?.skewness).toBeUndefined();
  });

  it("clusterSizes counts each label", () => {
    expect(clusterSizes(Int32Array.of(0, 1, 1, 2), 3)).toEqual([1, 2, 1]);
  });
});
