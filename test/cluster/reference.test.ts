import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { kmeans as mlKmeans } from "ml-kmeans";
import { describe, expect, it } from "vitest";
import { lloyd } from "../../src/cluster/index.js";
import { toRows } from "../../src/shared/matrix.js";
import { blobs, rowsAt } from "./helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("ml-kmeans as the reference (same initial centres)", () => {
  // ml-kmeans keeps an empty cluster's old centre where we re-seed it, so
  // only runs without a repair are comparable; with distinct starting rows
  // and blob data that is nearly every case (checked: at least 90% compared).
  it("reaches the same labels and centroids (to 2e-13) with the same number of iterations", () => {
    let compared = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 400 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 7 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("lloyd", "hamerly" as const),
        (rows, cols, k, seed, algorithm) => {
          runs++;
          const matrix = blobs(rows, cols, 4, 3, seed);
          const picks = Array.from(
            { length: k },
            (_, c) => (seed + c * Math.floor(rows / k)) % rows,
          );
          const start = rowsAt(matrix, picks);
          const ours = lloyd(matrix, start, { algorithm, tolerance: 0, maxIterations: 1000 });
          if (ours.emptyClusterRepairs > 0) return;
          const initialization = toRows({ data: start, rows: k, cols });
          const theirs = mlKmeans(toRows(matrix), k, {
            initialization,
            tolerance: 0,
            maxIterations: 1000,
          });
          expect(Array.from(ours.labels)).toEqual(theirs.clusters);
          const centroids = theirs.centroids.flat();
          for (let q = 0; q < centroids.length; q++) {
            // Running (chunked) sums vs ml-kmeans' plain sums on data of scale ~10: measured
            // |Δ| ≤ 1.6e-14 over the 120 runs; 2e-13 is about 10×.
            expect(Math.abs(ours.centroids[q]! - centroids[q]!)).toBeLessThanOrEqual(2e-13);
          }
          expect(ours.iterations).toBe(theirs.iterations);
          compared++;
        },
      ),
      { numRuns: 120, seed: 206 },
    );
    expect(compared).toBeGreaterThanOrEqual(0.9 * runs);
  });
});

interface SklearnCase {
  name: string;
  rows: number;
  cols: number;
  k: number;
  tol: number;
  maxIter: number;
  data: number[];
  init: number[];
  centers: number[];
  labels: number[];
  inertia: number;
  nIter: number;
}

const fixture = JSON.parse(
  readFileSync(path.join(here, "fixtures", "sklearn-lloyd.json"), "utf8"),
) as {
  cases: SklearnCase[];
};

describe("scikit-learn 1.2.1 KMeans(init=centres, n_init=1, algorithm='lloyd') (committed fixture)", () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const matrix = { data: Float64Array.from(c.data), rows: c.rows, cols: c.cols };
    for (const algorithm of ["lloyd", "hamerly"] as const) {
      const ours = lloyd(matrix, Float64Array.from(c.init), {
        algorithm,
        tolerance: c.tol,
        maxIterations: c.maxIter,
      });
      expect(Array.from(ours.labels)).toEqual(c.labels);
      expect(ours.iterations).toBe(c.nIter);
      for (let q = 0; q < c.centers.length; q++) {
        // scikit-learn centres the data and uses ‖x‖² − 2x·c + ‖c‖²; measured |Δ| ≤ 8.9e-15 at
        // data scale ≤ ~28 over the fixture's cases; 1e-13 is about 10×.
        expect(Math.abs(ours.centroids[q]! - c.centers[q]!)).toBeLessThanOrEqual(1e-13);
      }
      // Inertia: measured ≤ 6.3e-16 relative; 1e-14 is about 10× (rounded up).
      expect(Math.abs(ours.inertia - c.inertia)).toBeLessThanOrEqual(1e-14 * c.inertia);
    }
  });
});
