import { describe, expect, it } from "vitest";
import { assignToNearest, kmeans, kmeansPlusPlus, lloyd } from "../../src/cluster/index.js";
import type { KMeansOptions } from "../../src/cluster/types.js";
import { fromRows } from "../../src/shared/matrix.js";
import { Random } from "../../src/shared/random.js";
import { errorOf } from "../helpers/errors.js";

const three = fromRows([
  [0, 0],
  [1, 1],
  [2, 2],
]);

describe("kmeans option checks (exact messages)", () => {
  const cases: [Partial<KMeansOptions> & { k: number }, string, string][] = [
    [
      { k: 1 },
      "cluster.k-too-small",
      "k=1 must be at least 2: K-Means needs two or more clusters.",
    ],
    [
      { k: 0 },
      "cluster.k-too-small",
      "k=0 must be at least 2: K-Means needs two or more clusters.",
    ],
    [
      { k: 5 },
      "cluster.k-too-large",
      "k=5 is larger than the number of rows after cleaning (3); choose k ≤ 3.",
    ],
    [{ k: 2.5 }, "cluster.k-not-integer", "k=2.5 must be a whole number."],
    [{ k: NaN }, "cluster.k-not-integer", "k=NaN must be a whole number."],
    [
      { k: 2, restarts: 0 },
      "cluster.not-positive-integer",
      "restarts=0 must be a whole number ≥ 1.",
    ],
    [
      { k: 2, restarts: 1.5 },
      "cluster.not-positive-integer",
      "restarts=1.5 must be a whole number ≥ 1.",
    ],
    [
      { k: 2, maxIterations: 0 },
      "cluster.not-positive-integer",
      "maxIterations=0 must be a whole number ≥ 1.",
    ],
    [{ k: 2, threads: 0 }, "cluster.not-positive-integer", "threads=0 must be a whole number ≥ 1."],
    [
      { k: 2, parallelMinRows: 0 },
      "cluster.not-positive-integer",
      "parallelMinRows=0 must be a whole number ≥ 1.",
    ],
    [{ k: 2, seed: 1.5 }, "cluster.seed-not-integer", "seed=1.5 must be a whole number."],
    [
      { k: 2, tolerance: -1 },
      "cluster.bad-tolerance",
      "tolerance=-1 must be a finite number ≥ 0 (default 1e-4).",
    ],
    [
      { k: 2, tolerance: NaN },
      "cluster.bad-tolerance",
      "tolerance=NaN must be a finite number ≥ 0 (default 1e-4).",
    ],
    [
      { k: 2, algorithm: "elkan" as never },
      "cluster.unknown-algorithm",
      'algorithm="elkan" is not known; use "hamerly" or "lloyd".',
    ],
    [
      { k: 2, initialCentroids: Float64Array.of(0, 0, 1) },
      "cluster.centroids-shape",
      "initialCentroids has 3 values; expected k × columns = 2 × 2 = 4.",
    ],
    [
      { k: 2, initialCentroids: Float64Array.of(0, 0, NaN, 1) },
      "cluster.non-finite-centroid",
      "initialCentroids holds NaN at centroid 1, column index 0 (0-based); centroids must be finite.",
    ],
  ];
  it.each(cases)("%o → %s", (options, code, message) => {
    const error = errorOf(() => kmeans(three, options));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("matrix checks (exact messages)", () => {
  it("names the row and column index of a NaN", () => {
    const m = fromRows([
      [0, 0],
      [1, 1],
      [2, NaN],
      [3, 3],
    ]);
    const error = errorOf(() => kmeans(m, { k: 2 }));
    expect(error.code).toBe("cluster.non-finite");
    expect(error.message).toBe(
      "The matrix holds NaN at row index 2, column index 1 (0-based); K-Means needs finite numbers. Impute or drop missing values before clustering.",
    );
  });

  it("names the row and column index of an infinity", () => {
    const m = fromRows([
      [0, -Infinity],
      [1, 1],
      [2, 2],
    ]);
    expect(errorOf(() => kmeans(m, { k: 2 })).message).toBe(
      "The matrix holds -Infinity at row index 0, column index 1 (0-based); K-Means needs finite numbers. Impute or drop missing values before clustering.",
    );
  });

  it("rejects an empty matrix", () => {
    const error = errorOf(() => kmeans({ data: new Float64Array(0), rows: 0, cols: 3 }, { k: 2 }));
    expect(error.message).toBe(
      "Cannot cluster an empty matrix (0 rows × 3 columns): K-Means needs at least one row and one column.",
    );
  });
});

describe("checks of the building blocks", () => {
  it("lloyd: initial centroids must be whole rows and at most the row count", () => {
    expect(errorOf(() => lloyd(three, Float64Array.of(0, 0, 1))).message).toBe(
      "initialCentroids has 3 values, which is not a whole number (≥ 1) of centroids of 2 columns.",
    );
    expect(errorOf(() => lloyd(three, new Float64Array(8))).message).toBe(
      "k=4 is larger than the number of rows after cleaning (3); choose k ≤ 3.",
    );
  });

  it("kmeansPlusPlus: k and trials", () => {
    expect(errorOf(() => kmeansPlusPlus(three, 4, new Random(0))).message).toBe(
      "k=4 is larger than the number of rows after cleaning (3); choose k ≤ 3.",
    );
    expect(errorOf(() => kmeansPlusPlus(three, 2, new Random(0), 0)).message).toBe(
      "trials=0 must be a whole number ≥ 1.",
    );
  });

  it("assignToNearest: centroid shape and k", () => {
    expect(errorOf(() => assignToNearest(three, Float64Array.of(0, 0, 1), 2)).message).toBe(
      "centroids has 3 values; expected k × columns = 2 × 2 = 4.",
    );
    expect(errorOf(() => assignToNearest(three, Float64Array.of(0, 0), 0)).message).toBe(
      "k=0 must be a whole number ≥ 1.",
    );
  });
});

describe("warnings", () => {
  it("fewer distinct points than k (sklearn's ConvergenceWarning)", () => {
    const m = fromRows([[1], [1], [1], [2], [2], [3]]);
    const result = kmeans(m, { k: 4, seed: 0 });
    expect(result.warnings).toEqual([
      "Number of distinct clusters (3) found smaller than k (4), possibly due to duplicate rows; choose a smaller k.",
    ]);
    expect(result.inertia).toBe(0); // every distinct value is its own centroid
  });

  it("initial centroids with several restarts", () => {
    const result = kmeans(three, {
      k: 2,
      restarts: 5,
      initialCentroids: Float64Array.of(0, 0, 2, 2),
    });
    expect(result.warnings).toEqual([
      "initialCentroids given: performing 1 run instead of restarts=5.",
    ]);
    expect(result.restartInertias).toHaveLength(1);
  });
});
