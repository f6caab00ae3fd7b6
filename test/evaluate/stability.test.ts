import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clusterStability, stabilityVerdict } from "../../src/evaluate/stability.js";
import { type DenseMatrix, fromRows } from "../../src/shared/matrix.js";
import { badEvaluateOption, tooFewRowsForK } from "../../src/shared/messages/evaluate.js";
import { kmeans } from "../../src/cluster/index.js";
import { errorOf } from "../helpers/errors.js";
import { blobs } from "./blobs.js";

interface BootRun {
  k: number;
  partition: number[];
  bootmean: number[];
  bootbrd: number[];
  bootrecover: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/stability/clusterboot.json", import.meta.url), "utf8"),
) as { x: number[]; rows: number; cols: number; B: number; runs: BootRun[] };
const x: DenseMatrix = {
  data: Float64Array.from(fixture.x),
  rows: fixture.rows,
  cols: fixture.cols,
};

describe("clusterStability agrees with fpc::clusterboot (B = 100, K-Means with 10 runs)", () => {
  for (const run of fixture.runs) {
    it(`k = ${run.k}: per-cluster mean Jaccard within 0.05 of bootmean`, () => {
      const partition = Int32Array.from(run.partition);
      const result = clusterStability(x, {
        ks: [run.k],
        seed: 99,
        resamples: fixture.B,
        restarts: 10,
        reference: () => partition,
      });
      const ours = result.perK[0]!.clusterJaccard;
      // measured |Δ| ≤ 0.018 here and ≤ 0.031 over seeds 1–3 (k = 3: ≤ 0.003); the bound is the issue's
      for (let j = 0; j < run.k; j++)
        expect(Math.abs(ours[j]! - run.bootmean[j]!)).toBeLessThan(0.05);
      // the same reading of every cluster as clusterboot's numbers give
      expect(result.perK[0]!.verdicts).toEqual(run.bootmean.map(stabilityVerdict));
    });
  }

  it("with segwork's own full-data K-Means, matched to R's clusters by overlap", () => {
    const run = fixture.runs[1]!; // k = 4, the unstable case
    const own = kmeans(x, { k: run.k, restarts: 10, seed: 3 }).labels;
    const result = clusterStability(x, {
      ks: [run.k],
      seed: 99,
      resamples: fixture.B,
      restarts: 10,
      reference: () => own,
    });
    for (let j = 0; j < run.k; j++) {
      // R's cluster j ↔ ours with the largest overlap
      const overlap = new Float64Array(run.k);
      run.partition.forEach((r, i) => r === j && overlap[own[i]!]!++);
      const match = overlap.indexOf(Math.max(...overlap));
      expect(Math.abs(result.perK[0]!.clusterJaccard[match]! - run.bootmean[j]!)).toBeLessThan(
        0.05,
      );
    }
  });
});

describe("clusterStability: known answers", () => {
  it("identical resample clusterings give ARI 1 and Jaccard 1", () => {
    const m = blobs([[0], [20]], 50, 1);
    const byThreshold = (rows: DenseMatrix): Int32Array =>
      Int32Array.from({ length: rows.rows }, (_, i) => (rows.data[i]! > 10 ? 1 : 0));
    const result = clusterStability(m, { ks: [2], seed: 4, cluster: byThreshold });
    expect(result.perK[0]!.ari).toBe(1);
    expect(result.perK[0]!.ariSd).toBe(0);
    expect(Array.from(result.perK[0]!.clusterJaccard)).toEqual([1, 1]);
    expect(result.perK[0]!.verdicts).toEqual(["highly-stable", "highly-stable"]);
    expect(Array.from(result.perK[0]!.recoveredCount)).toEqual([20, 20]);
  });

  it("a planted structure scores ≥ 0.9 at the true k and clearly lower at k + 2", () => {
    const m = blobs(
      [
        [0, 0],
        [8, 0],
        [0, 8],
        [8, 8],
      ],
      75,
      7,
    );
    const { perK } = clusterStability(m, { ks: [4, 6], seed: 2 });
    const [atK, atK2] = perK;
    expect(atK!.ari).toBeGreaterThanOrEqual(0.9);
    expect(Math.min(...atK!.clusterJaccard)).toBeGreaterThanOrEqual(0.9);
    expect(atK2!.ari).toBeLessThan(atK!.ari - 0.15); // measured 1.000 vs 0.752 (smallest cluster Jaccard 1.000 vs 0.523)
    expect(Math.min(...atK2!.clusterJaccard)).toBeLessThan(0.75);
  });
});

describe("clusterStability: seeds, sampling, progress, options", () => {
  const m = blobs(
    [
      [0, 0],
      [5, 0],
      [2, 4],
    ],
    60,
    5,
  );

  it("the same seed gives identical results", () => {
    const a = clusterStability(m, { ks: [2, 3, 4], seed: 8, resamples: 6 });
    expect(clusterStability(m, { ks: [2, 3, 4], seed: 8, resamples: 6 })).toEqual(a);
    expect(a.perK.map((s) => s.pairs)).toEqual([15, 15, 15]);
    for (const s of a.perK) {
      expect(s.ariQuartiles[0]).toBeLessThanOrEqual(s.ariQuartiles[1]);
      expect(s.ariQuartiles[1]).toBeLessThanOrEqual(s.ariQuartiles[2]);
    }
  });

  it("samples above sampleSize and says so; progress after each resample", () => {
    const seen: number[] = [];
    const a = clusterStability(m, {
      ks: [3],
      seed: 8,
      resamples: 3,
      sampleSize: 90,
      onProgress: (done) => seen.push(done),
    });
    expect(a).toMatchObject({ rows: 90, sampled: true, resamples: 3 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it("a given full-data clustering is restricted to the sample", () => {
    const truth = Int32Array.from({ length: m.rows }, (_, i) => i % 3);
    const a = clusterStability(m, {
      ks: [3],
      seed: 8,
      resamples: 4,
      sampleSize: 90,
      reference: () => truth,
    });
    expect(a.perK[0]!.clusterJaccard.every((v) => v > 0.9)).toBe(true);
  });

  it("Hennig's thresholds", () => {
    expect([0.5, 0.5000001, 0.5999, 0.6, 0.7499, 0.75, 0.8499, 0.85].map(stabilityVerdict)).toEqual(
      [
        "dissolved",
        "not-trustworthy",
        "not-trustworthy",
        "doubtful-members",
        "doubtful-members",
        "stable",
        "stable",
        "highly-stable",
      ],
    );
  });

  it("refuses bad options with the catalogue's messages", () => {
    expect(errorOf(() => clusterStability(m, { ks: [3], seed: 1, resamples: 1 }))).toEqual(
      badEvaluateOption("stability", "resamples", "1", "an integer ≥ 2"),
    );
    expect(errorOf(() => clusterStability(m, { ks: [1], seed: 1 }))).toEqual(
      badEvaluateOption("stability", "ks", "1", "an integer ≥ 2"),
    );
    expect(errorOf(() => clusterStability(m, { ks: [], seed: 1 }))).toEqual(
      badEvaluateOption("stability", "ks", "[]", "at least one k"),
    );
    expect(errorOf(() => clusterStability(fromRows([[1], [2]]), { ks: [3], seed: 1 }))).toEqual(
      tooFewRowsForK("stability", 2, 3),
    );
  });
});
