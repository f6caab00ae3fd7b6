import { describe, expect, it } from "vitest";
import { kmeans, KMeansWorkspace, PARALLEL_MIN_ROWS } from "../../src/cluster/index.js";
import { blobs, fingerprint } from "./helpers.js";

describe("KMeansWorkspace: per-row arrays and data facts kept between fits", () => {
  it("gives byte-identical fits with and without it, k after k, on 1 and 2 threads", () => {
    const matrix = blobs(PARALLEL_MIN_ROWS + 500, 3, 4, 1.5, 5);
    for (const threads of [1, 2]) {
      const workspace = new KMeansWorkspace();
      // Down then up again: a reused array must not carry anything from a larger k.
      for (const k of [5, 2, 7, 3]) {
        const options = { k, restarts: 2, seed: 3, threads, maxIterations: 30 };
        const fresh = kmeans(matrix, options);
        const reused = kmeans(matrix, { ...options, workspace });
        expect(fingerprint(reused)).toEqual(fingerprint(fresh));
      }
    }
  });

  it("gives byte-identical fits on a run of different matrices of one shape (the rows refilled)", () => {
    const sets = [11, 12, 11, 13].map((seed) => blobs(12_000, 4, 3 + (seed % 3), 1, seed));
    for (const threads of [1, 2]) {
      const workspace = new KMeansWorkspace();
      for (const [i, matrix] of sets.entries()) {
        for (const k of [4, 2]) {
          const options = { k, restarts: 1, seed: i, threads, parallelMinRows: 10_000 };
          const fresh = kmeans(matrix, options);
          const reused = kmeans(matrix, { ...options, workspace });
          expect(reused.engine!.webassembly).toBeGreaterThan(0);
          expect(fingerprint(reused)).toEqual(fingerprint(fresh));
        }
      }
    }
  });

  it("reuses the same arrays for the same length and sharing", () => {
    const workspace = new KMeansWorkspace();
    const a = workspace.float64("bounds", 10, false);
    expect(workspace.float64("bounds", 10, false)).toBe(a);
    expect(workspace.float64("bounds", 11, false)).not.toBe(a);
    expect(workspace.float64("bounds", 11, true).buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("computes a fact of the same data once", () => {
    const workspace = new KMeansWorkspace();
    const data = new Float64Array(4);
    let calls = 0;
    const compute = (): number => ++calls;
    expect(workspace.fact(data, "x", compute)).toBe(1);
    expect(workspace.fact(data, "x", compute)).toBe(1);
    expect(workspace.fact(new Float64Array(4), "x", compute)).toBe(2);
  });
});
