import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignToNearest, kmeans, lloyd, type IterationEvent } from "../../src/cluster/index.js";
import type { DenseMatrix } from "../../src/shared/matrix.js";
import { blobs, bytesOf, fingerprint, integerGrid, rowsAt } from "./helpers.js";

/**
 * Small matrices: few integer levels (exact ties, duplicate rows, even one
 * constant row repeated), Gaussian blobs, or blobs far from the origin
 * (1e6 + spread 1e-3: rounding relative to the coordinates, not the spread).
 */
const smallMatrix = fc
  .record({
    rows: fc.integer({ min: 3, max: 40 }),
    cols: fc.integer({ min: 1, max: 5 }),
    kind: fc.constantFrom("grid", "blobs", "offset"),
    levels: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ rows, cols, kind, levels, seed }): DenseMatrix => {
    if (kind === "grid") return integerGrid(rows, cols, levels, seed);
    const matrix = blobs(rows, cols, 3, 1.5, seed);
    if (kind === "offset")
      for (let q = 0; q < matrix.data.length; q++) matrix.data[q] = 1e6 + matrix.data[q]! * 1e-3;
    return matrix;
  });

const problem = smallMatrix.chain((matrix) =>
  fc.record({
    matrix: fc.constant(matrix),
    k: fc.integer({ min: 2, max: Math.min(6, matrix.rows) }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  }),
);

/** Σ ‖x − c[label]‖², summed plainly. */
function inertiaOf(matrix: DenseMatrix, centroids: Float64Array, labels: Int32Array): number {
  let total = 0;
  for (let i = 0; i < matrix.rows; i++) {
    for (let j = 0; j < matrix.cols; j++) {
      const e = matrix.data[i * matrix.cols + j]! - centroids[labels[i]! * matrix.cols + j]!;
      total += e * e;
    }
  }
  return total;
}

describe("K-Means properties (fast-check)", () => {
  it("labels in [0, k); inertia = Σ squared distances to the final centroids; finite centroids", () => {
    fc.assert(
      fc.property(problem, ({ matrix, k, seed }) => {
        const result = kmeans(matrix, { k, seed, restarts: 2 });
        expect(result.labels).toHaveLength(matrix.rows);
        expect(result.labels.every((l) => l >= 0 && l < k)).toBe(true);
        expect(result.centroids.every(Number.isFinite)).toBe(true);
        const direct = inertiaOf(matrix, result.centroids, result.labels);
        // Chunked vs plain summation: relative 1e-12 (plus 1e-12 absolute for inertia 0).
        expect(Math.abs(result.inertia - direct)).toBeLessThanOrEqual(1e-12 * direct + 1e-12);
        expect(result.restartInertias).toHaveLength(2);
        expect(result.restartInertias[1]).toBeLessThanOrEqual(result.restartInertias[0]!);
        expect(result.inertia).toBe(result.restartInertias[1]);
      }),
      { numRuns: 150, seed: 201 },
    );
  });

  it("inertia never increases across iterations (and the final one is not above the last)", () => {
    fc.assert(
      fc.property(
        problem,
        fc.constantFrom("lloyd", "hamerly" as const),
        ({ matrix, k, seed }, algorithm) => {
          const events: IterationEvent[] = [];
          const result = kmeans(matrix, {
            k,
            seed,
            restarts: 1,
            tolerance: 0,
            algorithm,
            onIteration: (e) => events.push(e),
          });
          for (let i = 1; i < events.length; i++) {
            // Rounding of the means may cost a few ulps: relative 1e-12.
            expect(events[i]!.inertia).toBeLessThanOrEqual(
              events[i - 1]!.inertia * (1 + 1e-12) + 1e-12,
            );
          }
          expect(result.inertia).toBeLessThanOrEqual(events.at(-1)!.inertia * (1 + 1e-12) + 1e-12);
          expect(events.map((e) => e.iteration)).toEqual(events.map((_, i) => i));
          expect(events).toHaveLength(result.iterations);
        },
      ),
      { numRuns: 150, seed: 202 },
    );
  });

  it("at convergence (tolerance 0) every centroid is the mean of its rows", () => {
    fc.assert(
      fc.property(problem, ({ matrix, k, seed }) => {
        const result = kmeans(matrix, { k, seed, restarts: 1, tolerance: 0, maxIterations: 1000 });
        expect(result.converged).toBe(true);
        const { rows, cols, data } = matrix;
        const sums = new Float64Array(k * cols);
        const counts = new Float64Array(k);
        for (let i = 0; i < rows; i++) {
          const label = result.labels[i]!;
          counts[label]! += 1;
          for (let j = 0; j < cols; j++) sums[label * cols + j] += data[i * cols + j]!;
        }
        for (let c = 0; c < k; c++) {
          if (counts[c] === 0) continue; // a duplicate centroid that lost all its rows on the last step
          for (let j = 0; j < cols; j++) {
            const mean = sums[c * cols + j]! / counts[c]!;
            // Running sums vs a fresh sum: 1e-9 relative to the data scale (|x| ≤ ~25, or ~1e6 offset).
            expect(Math.abs(result.centroids[c * cols + j]! - mean)).toBeLessThanOrEqual(
              1e-9 * Math.max(25, Math.abs(mean)),
            );
          }
        }
      }),
      { numRuns: 150, seed: 203 },
    );
  });

  it("scoring the training rows with the fitted centroids reproduces the labels", () => {
    fc.assert(
      fc.property(problem, ({ matrix, k, seed }) => {
        const result = kmeans(matrix, { k, seed, restarts: 2 });
        const scored = assignToNearest(matrix, result.centroids, k);
        expect(Array.from(scored.labels)).toEqual(Array.from(result.labels));
        const squared = Array.from(scored.distances, (v) => v * v).reduce((a, b) => a + b, 0);
        // √ then square again: relative 1e-12 (+1e-12 for inertia 0).
        expect(Math.abs(squared - result.inertia)).toBeLessThanOrEqual(
          1e-12 * result.inertia + 1e-12,
        );
      }),
      { numRuns: 100, seed: 204 },
    );
  });

  it("the same seed gives byte-identical results; Hamerly gives exactly Lloyd's result", () => {
    fc.assert(
      fc.property(problem, ({ matrix, k, seed }) => {
        const first = kmeans(matrix, { k, seed, restarts: 3, algorithm: "hamerly" });
        const again = kmeans(matrix, { k, seed, restarts: 3, algorithm: "hamerly" });
        const plain = kmeans(matrix, { k, seed, restarts: 3, algorithm: "lloyd" });
        expect(fingerprint(again)).toEqual(fingerprint(first));
        expect(fingerprint({ ...plain, algorithm: "hamerly" })).toEqual(fingerprint(first));
      }),
      { numRuns: 150, seed: 205 },
    );
  });
});

describe("Hamerly ≡ Lloyd from the same start, on larger inputs", () => {
  // Shapes cover the unrolled kernels (d ≤ 32) and the plain loop (d = 33, 40).
  const shapes: [rows: number, cols: number, k: number][] = [
    [3000, 1, 4],
    [3000, 2, 7],
    [4500, 3, 5],
    [3000, 5, 9],
    [2500, 8, 6],
    [2000, 12, 3],
    [1500, 33, 4],
    [1200, 40, 8],
  ];
  it.each(shapes)("%i rows × %i columns, k = %i, three starts each", (rows, cols, k) => {
    for (const seed of [1, 2, 3]) {
      const matrix = blobs(rows, cols, 5, 2.5, seed * 100 + cols);
      const start = rowsAt(
        matrix,
        Array.from({ length: k }, (_, c) => (c * 7919 + seed) % rows),
      );
      const options = { tolerance: 0, maxIterations: 500 };
      const plain = lloyd(matrix, start, { ...options, algorithm: "lloyd" });
      const bounded = lloyd(matrix, start, { ...options, algorithm: "hamerly" });
      expect(bytesOf(bounded.labels).equals(bytesOf(plain.labels))).toBe(true);
      expect(bytesOf(bounded.centroids).equals(bytesOf(plain.centroids))).toBe(true);
      expect(bounded.inertia).toBe(plain.inertia);
      expect(bounded.iterations).toBe(plain.iterations);
    }
  });

  it("Hamerly's bounds skip most rows once the centroids settle", () => {
    const matrix = blobs(20_000, 3, 5, 1.5, 7);
    const start = rowsAt(matrix, [0, 1, 2, 3, 4]);
    const events: IterationEvent[] = [];
    const result = lloyd(matrix, start, {
      algorithm: "hamerly",
      tolerance: 0,
      onIteration: (e) => events.push(e),
    });
    expect(result.iterations).toBeGreaterThan(3);
    expect(events[0]!.fullScans).toBe(20_000);
    // Well-separated blobs: after the first pass, well under a tenth of the rows need a full scan.
    const later = events.slice(1).reduce((sum, e) => sum + e.fullScans, 0);
    expect(later).toBeLessThan(0.1 * 20_000 * (events.length - 1));
  });

  it("with exact ties everywhere (integer grid, duplicate rows)", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const [cols, k] of [
        [1, 3],
        [2, 5],
        [3, 8],
      ] as const) {
        const matrix = integerGrid(5000, cols, 5, seed);
        const start = rowsAt(
          matrix,
          Array.from({ length: k }, (_, c) => c * 13 + seed),
        );
        const plain = lloyd(matrix, start, { algorithm: "lloyd", tolerance: 0 });
        const bounded = lloyd(matrix, start, { algorithm: "hamerly", tolerance: 0 });
        expect(bytesOf(bounded.labels).equals(bytesOf(plain.labels))).toBe(true);
        expect(bytesOf(bounded.centroids).equals(bytesOf(plain.centroids))).toBe(true);
        expect(bounded.emptyClusterRepairs).toBe(plain.emptyClusterRepairs);
      }
    }
  });
});
