import { describe, expect, it } from "vitest";
import { kmeans, lloyd, PARALLEL_MIN_ROWS } from "../../src/cluster/index.js";
import { blobs, fingerprint, rowsAt } from "./helpers.js";

describe("threads: the assignment step on worker threads", () => {
  const matrix = blobs(PARALLEL_MIN_ROWS + 1_000, 4, 5, 2, 11);

  it("gives byte-identical results on 1 and 2 threads (k-means++, Hamerly and Lloyd)", () => {
    for (const algorithm of ["hamerly", "lloyd"] as const) {
      const options = { k: 6, restarts: 2, seed: 42, algorithm, maxIterations: 40 };
      const one = kmeans(matrix, { ...options, threads: 1 });
      const two = kmeans(matrix, { ...options, threads: 2 });
      expect(one.threads).toBe(1);
      expect(two.threads).toBe(2);
      expect(two.warnings).toEqual([]);
      expect(fingerprint({ ...two, threads: 1 })).toEqual(fingerprint(one));
    }
  });

  // Three threads split three ways only on machines with three or more CPUs.
  it("matches with three threads and with an empty-cluster repair along the way", () => {
    // Two starting centres on the same row: the second cluster starts empty.
    const start = rowsAt(matrix, [0, 0, 1, 2]);
    const one = lloyd(matrix, start, { threads: 1, maxIterations: 25 });
    const three = lloyd(matrix, start, { threads: 3, maxIterations: 25 });
    expect(one.emptyClusterRepairs).toBeGreaterThan(0);
    expect(Buffer.from(three.labels.buffer).equals(Buffer.from(one.labels.buffer))).toBe(true);
    expect(Buffer.from(three.centroids.buffer).equals(Buffer.from(one.centroids.buffer))).toBe(
      true,
    );
    expect(three.inertia).toBe(one.inertia);
  });

  it("a nested fit (from a callback) runs on the calling thread with the same result", () => {
    const options = { k: 3, restarts: 1, seed: 9, maxIterations: 10 };
    const outside = kmeans(matrix, { ...options, threads: 1 });
    let inner: ReturnType<typeof kmeans> | undefined;
    kmeans(matrix, {
      ...options,
      threads: 2,
      onRestart: () => {
        inner = kmeans(matrix, { ...options, threads: 2 });
      },
    });
    expect(inner!.threads).toBe(1);
    expect(inner!.warnings).toEqual([]);
    expect(fingerprint({ ...inner!, threads: 1 })).toEqual(fingerprint(outside));
  });

  it("stays on the calling thread below the row threshold", () => {
    const small = blobs(2_000, 3, 3, 1, 5);
    const result = kmeans(small, { k: 3, threads: 2, restarts: 1 });
    expect(result.threads).toBe(1);
  });
});
