/**
 * The sweep's per-k views as workflow data: one entry per swept k, drawn from
 * the sweep's own silhouette sample (bounded: points per map, bars per
 * cluster), clusters numbered as the cluster report numbers them, and the
 * same seed gives the same views.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { clusterRenumber } from "../../src/evaluate/profiles.js";
import type { Table } from "../../src/load/types.js";
import { Random } from "../../src/shared/random.js";
import { K_VIEW_BARS, K_VIEW_POINTS } from "../../src/workflows/k-views.js";
import { sweepWorkflow, type SweepWorkflowResult } from "../../src/workflows/index.js";
import { tableOf } from "./fixtures.js";

/** Three planted blobs in (a, b, c), 700 rows each (2,100 rows, more than the 800-row silhouette sample). */
function blobTable(): Promise<Table> {
  const rng = new Random(11);
  const centres = [
    [0, 0, 0],
    [6, 0, 3],
    [0, 6, 6],
  ];
  const lines = ["id,a,b,monetary"];
  let id = 0;
  for (let i = 0; i < 700; i++) {
    for (const c of centres)
      lines.push([`c${id++}`, ...c.map((v) => (v + rng.normal()).toFixed(4))].join(","));
  }
  return tableOf(lines.join("\n"), { id: "id" });
}

const run = (table: Table): SweepWorkflowResult =>
  sweepWorkflow({
    table,
    prepare: { features: ["a", "b", "monetary"], scale: "zscore" },
    k: { min: 2, max: 6 },
    fit: { seed: 5, restarts: 3, silhouetteSampleSize: 800 },
    choose: { gap: false, stability: false },
  });

describe("per-k views of a sweep (3 blobs, k = 2..6, silhouette sample 800 of 2,100)", () => {
  let table: Table;
  let result: SweepWorkflowResult;
  beforeAll(async () => {
    table = await blobTable();
    result = run(table);
  });

  it("has one entry per swept k, each from the sweep's sample and score", () => {
    const views = result.display.kViews!;
    expect(views.views.map((v) => v.k)).toEqual([2, 3, 4, 5, 6]);
    expect([views.sampleRows, views.totalRows]).toEqual([800, 2100]);
    expect(views.recommendedK).toBe(result.artifact.recommendedK);
    for (const [i, view] of views.views.entries()) {
      expect(view.silhouette).toBe(result.sweep.rows[i]!.silhouette);
      // Every sample row is in exactly one cluster, and the clusters' means average to the score.
      expect(view.clusters.reduce((s, c) => s + c.rows, 0)).toBe(800);
      const weighted = view.clusters.reduce((s, c) => s + c.rows * c.mean, 0) / 800;
      expect(weighted).toBeCloseTo(view.silhouette, 12);
    }
  });

  it("bounds the page: ≤ 300 points a map, ≤ 60 bars a cluster, sorted quantiles in [−1, 1]", () => {
    for (const view of result.display.kViews!.views) {
      expect(view.points.length).toBe(Math.min(K_VIEW_POINTS, 800));
      for (const c of view.clusters) {
        expect(c.bars.length).toBeGreaterThanOrEqual(1);
        expect(c.bars.length).toBeLessThanOrEqual(K_VIEW_BARS);
        for (let i = 1; i < c.bars.length; i++)
          expect(c.bars[i]!).toBeLessThanOrEqual(c.bars[i - 1]!);
        expect(Math.max(...c.bars)).toBeLessThanOrEqual(1);
        expect(Math.min(...c.bars)).toBeGreaterThanOrEqual(-1);
      }
      // The largest cluster gets the full 60 bars; the others in proportion.
      const largest = view.clusters.reduce((a, b) => (b.rows > a.rows ? b : a));
      expect(largest.bars.length).toBe(Math.min(K_VIEW_BARS, largest.rows));
    }
  });

  it("numbers clusters from the sweep's own fit, as the cluster report does", () => {
    const { sweep, prepared } = result;
    const indices = sweep.silhouetteSample.indices!;
    expect(indices.length).toBe(800);
    for (const view of result.display.kViews!.views) {
      const labels = sweep.clusterings.get(view.k)!.labels;
      const renumber = clusterRenumber(prepared, labels, view.k);
      const counts = new Map<number, number>();
      for (const row of indices) {
        const c = renumber[labels[row]!]!;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      expect(new Map(view.clusters.map((c) => [c.cluster, c.rows]))).toEqual(counts);
      // The silhouettes are the sweep's, grouped by cluster.
      const values = sweep.silhouetteSample.values.get(view.k)!;
      const negatives = Array.from(values).filter((s) => s < 0).length;
      expect(view.clusters.reduce((s, c) => s + Math.round(c.negativeShare * c.rows), 0)).toBe(
        negatives,
      );
    }
    const k = result.artifact.recommendedK;
    expect(Array.from(clusterRenumber(prepared, sweep.clusterings.get(k)!.labels, k))).toEqual(
      Array.from(result.recommended.profiled.renumber),
    );
  });

  it("planted 3 blobs: k = 3 has the best mean silhouette and no row below zero in its sample", () => {
    const views = result.display.kViews!.views;
    const best = views.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
    expect(best.k).toBe(3);
    expect(best.clusters.map((c) => c.negativeShare)).toEqual([0, 0, 0]);
  });

  it("same seed → the same views", () => {
    expect(run(table).display.kViews).toEqual(result.display.kViews);
  });

  it("views: false leaves them out", () => {
    const off = sweepWorkflow({
      table,
      prepare: { features: ["a", "b", "monetary"], scale: "zscore" },
      k: { min: 2, max: 3 },
      fit: { seed: 5, restarts: 1, silhouetteSampleSize: 800 },
      choose: { gap: false, stability: false, views: false },
    });
    expect(off.display.kViews).toBeUndefined();
  });
});
