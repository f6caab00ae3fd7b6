/**
 * The cluster workflow on a small hand-written table with three groups far
 * apart: K-Means must find the groups, so sizes, order, centroids (the group
 * means) and the one-line summaries are known in advance.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseModel, writeModel } from "../../src/artifacts/model.js";
import { parseProfiles, writeProfiles } from "../../src/artifacts/profiles.js";
import type { Table } from "../../src/load/types.js";
import * as clusterMsg from "../../src/shared/messages/cluster.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  clusterFiles,
  clusterWorkflow,
  CLUSTER_OUTPUTS,
  type ClusterResult,
} from "../../src/workflows/index.js";
import { errorOf } from "../helpers/errors.js";
import { recorder, tableOf } from "./fixtures.js";

/** Group A: big and frequent (5), B: middle (4), C: small (3); tight blobs about 1.2 sd apart. */
const GROUPS = {
  A: [
    [1000, 20],
    [1010, 21],
    [990, 19],
    [1005, 20],
    [995, 22],
  ],
  B: [
    [500, 10],
    [510, 11],
    [490, 10],
    [505, 9],
  ],
  C: [
    [10, 1],
    [12, 1],
    [8, 2],
  ],
};
const ROWS = Object.entries(GROUPS).flatMap(([group, rows]) =>
  rows.map(([monetary, frequency], i) => ({ id: `${group}${i + 1}`, monetary, frequency })),
);
const CSV =
  "client_id,monetary,frequency\n" +
  ROWS.map((r) => `${r.id},${r.monetary},${r.frequency}`).join("\n") +
  "\n";
const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

describe("clusterWorkflow on three separated groups (k = 3)", () => {
  let table: Table;
  let result: ClusterResult;
  const progress = recorder();
  const prepare = { features: ["monetary", "frequency"], scale: "zscore" as const };

  beforeAll(async () => {
    table = await tableOf(CSV, { id: "client_id" });
    result = clusterWorkflow({
      table,
      prepare,
      k: 3,
      fit: { seed: 3, restarts: 4 },
      onProgress: progress.onProgress,
    });
  });

  it("finds the groups: cluster 0 = the big spenders, then the middle, then the small", () => {
    const { assignments } = result;
    const clusterOf = new Map(assignments.ids.map((id, i) => [id, assignments.cluster[i]!]));
    for (const r of ROWS) expect(clusterOf.get(r.id), r.id).toBe("ABC".indexOf(r.id[0]!));
    expect(result.profiles.clusters.map((c) => c.size)).toEqual([5, 4, 3]);
    expect(result.profiles.orderedBy).toBe("mean monetary, descending");
    expect(new Set(result.profiles.clusters.map((c) => c.label)).size).toBe(3);
  });

  it("model.json holds the group means as centroids in original units", () => {
    const { model } = result;
    expect(model.k).toBe(3);
    expect(model.features).toEqual(["monetary", "frequency"]);
    expect(model.fit).toMatchObject({
      rows: 12,
      seed: 3,
      restarts: 4,
      command: "segwork (library)",
    });
    Object.values(GROUPS).forEach((rows, c) => {
      const centroid = model.clusters[c]!.centroidOriginal;
      // Lloyd converges to the group means; z-scoring there and back: measured ≤ 5e-16 relative.
      [0, 1].forEach((j) => {
        const expected = mean(rows.map((r) => r[j]!));
        expect(Math.abs(centroid[j]! - expected) / expected).toBeLessThan(1e-14);
      });
    });
    expect(parseModel(writeModel(model), "model.json")).toEqual(JSON.parse(writeModel(model)));
    expect(parseProfiles(writeProfiles(result.profiles), "profiles.json")).toEqual(
      JSON.parse(writeProfiles(result.profiles)),
    );
  });

  it("summarizes one line per cluster, and reports progress for every restart", () => {
    expect(result.summary).toEqual(
      result.profiles.clusters.map((c) => notes.clusterLine(c.cluster, c.label, c.size, c.share)),
    );
    expect(progress.notes()[0]).toBe(notes.preparedRows(12, 2, 0));
    const steps = progress.events.filter((e) => e.kind === "step");
    expect(steps.map((e) => e.kind === "step" && [e.task, e.done, e.total])).toEqual([
      ["k-means", 0, 4],
      ["k-means", 1, 4],
      ["k-means", 2, 4],
      ["k-means", 3, 4],
      ["k-means", 4, 4],
    ]);
  });

  it("keeps every restart for the seed-sensitivity section: the kept run is the best of them", async () => {
    const seeds = result.seeds!;
    expect(seeds.restarts).toBe(4);
    expect(seeds.inertias).toHaveLength(4);
    // The kept fit is the first restart with the lowest inertia, and it labels the rows as the result does.
    expect(seeds.best).toBe(result.clustering.inertia);
    expect(seeds.inertias[seeds.bestRestart]).toBe(Math.min(...seeds.inertias));
    expect(seeds.ariToBest[seeds.bestRestart]).toBe(1);
    // Three tight blobs: every restart reaches the same partition.
    expect(seeds.reachedBest).toBe(4);
    expect(seeds.minPairwiseARI).toBe(1);
    expect(result.display.seeds).toBe(seeds);
    const html = (await clusterFiles(result)).find((f) => f.name === "report.html")!.content;
    expect(String(html)).toContain('id="seeds"');
    expect(String(html)).toContain("4 of 4 k-means++ restarts at k = 3 reached the best inertia");
  });

  it("--order-by frequency:asc puts the small group first; the same seed gives the same files", async () => {
    const ascending = clusterWorkflow({
      table,
      prepare,
      k: 3,
      fit: { seed: 3, restarts: 4 },
      orderBy: "frequency:asc",
    });
    expect(ascending.profiles.clusters.map((c) => c.size)).toEqual([3, 4, 5]);
    const again = clusterWorkflow({ table, prepare, k: 3, fit: { seed: 3, restarts: 4 } });
    const [first, second] = [await clusterFiles(result), await clusterFiles(again)];
    expect(first.map((f) => f.name)).toEqual(CLUSTER_OUTPUTS);
    // Everything but report.html (which carries the generation time) is identical.
    expect(second.slice(0, 3)).toEqual(first.slice(0, 3));
  });

  it("fits on a seeded sample of the rows when asked", () => {
    const sampled = clusterWorkflow({ table, prepare, k: 2, sample: 6, fit: { seed: 1 } });
    expect(sampled.assignments.ids).toHaveLength(6);
    expect(sampled.model.fit.rows).toBe(6);
    // The scaler stays the one of all 12 rows (the same sum in another order: 1e-12 relative).
    const all = mean(ROWS.map((r) => r.monetary));
    expect(Math.abs(sampled.model.scaler.center[0]! - all) / all).toBeLessThan(1e-12);
  });

  it("refuses k = 1 before any work and k above the rows with the stage's message", () => {
    expect(errorOf(() => clusterWorkflow({ table, prepare, k: 1 })).message).toBe(
      clusterMsg.kTooSmall(1).message,
    );
    expect(errorOf(() => clusterWorkflow({ table, prepare, k: 13 })).message).toBe(
      clusterMsg.kTooLarge(13, 12).message,
    );
  });
});
