/**
 * The sweep workflow as a library call on the shipped Online Retail clients
 * (the demo's features and seed): the recommended k and its reason follow
 * from the indices it reports, the same seed gives the same sweep.json, and
 * the recommended clustering is the one `clusterWorkflow` fits for that k.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseSweep, writeSweep } from "../../src/artifacts/sweep.js";
import { writeAssignments } from "../../src/artifacts/assignments.js";
import { writeModel } from "../../src/artifacts/model.js";
import type { Table } from "../../src/load/types.js";
import * as clusterMsg from "../../src/shared/messages/cluster.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  clusterWorkflow,
  sweepFiles,
  sweepWorkflow,
  SWEEP_OUTPUTS,
  type SweepWorkflowResult,
} from "../../src/workflows/index.js";
import { errorOf } from "../helpers/errors.js";
import { DEMO_PREPARE, recorder, shippedClients } from "./fixtures.js";

describe("sweepWorkflow on the shipped clients (k = 2..10, seed 7)", () => {
  let table: Table;
  let result: SweepWorkflowResult;
  const progress = recorder();

  beforeAll(async () => {
    table = await shippedClients();
    result = sweepWorkflow({
      table,
      prepare: DEMO_PREPARE,
      fit: { seed: 7 },
      onProgress: progress.onProgress,
    });
  });

  it("recommends k = 4, and the reason follows from the indices it reports", () => {
    const { artifact } = result;
    const silhouette = new Map(artifact.k.map((r) => [r.k, r.silhouette]));
    const best = (ks: number[]): number =>
      ks.reduce((a, b) => (silhouette.get(b)! > silhouette.get(a)! ? b : a));
    expect([artifact.elbowK, artifact.silhouetteK, artifact.recommendedK]).toEqual([5, 2, 4]);
    // The silhouette peak is the argmax over all k; the pick is the best within ±1 of the knee,
    // taken because it beats the knee's own silhouette by more than 0.01.
    expect(best(artifact.k.map((r) => r.k))).toBe(2);
    expect(best([4, 5, 6])).toBe(4);
    expect(silhouette.get(4)! - silhouette.get(5)!).toBeGreaterThan(0.01);
    expect(artifact.reason).toContain("Knee of the inertia curve at k=5 (Kneedle, S=1)");
    expect(artifact.reason).toContain(`silhouette peaks at k=2 (${silhouette.get(2)!.toFixed(3)})`);
    expect(artifact.reason).toContain(
      `Recommended k=4: it has the highest silhouette within ±1 of the knee (k=4..6, ${silhouette.get(4)!.toFixed(3)}), more than 0.01 above the knee's (${silhouette.get(5)!.toFixed(3)})`,
    );
    expect(result.summary).toEqual([notes.recommended(4, artifact.reason)]);
  });

  it("sweep.json records the rows, features, scaling and one row per k; inertia falls with k", () => {
    const { artifact } = result;
    expect(artifact.rows).toBe(4330); // 8 of 4,338 clients have no valid log1p value
    expect(artifact.features).toEqual(DEMO_PREPARE.features);
    expect(artifact.scaling).toEqual({ method: "zscore", log: DEMO_PREPARE.log, clip: null });
    expect([artifact.restarts, artifact.seed, artifact.silhouetteSampleSize]).toEqual([
      10, 7, 4330,
    ]);
    expect(artifact.k.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let i = 1; i < artifact.k.length; i++)
      expect(artifact.k[i]!.inertia).toBeLessThan(artifact.k[i - 1]!.inertia);
    for (const row of artifact.k) {
      expect(row.silhouette).toBeGreaterThan(-1);
      expect(row.silhouette).toBeLessThan(1);
      expect(row.daviesBouldin).toBeGreaterThan(0);
    }
    expect(parseSweep(writeSweep(artifact), "sweep.json")).toEqual(artifact);
  });

  it("reports progress: the prepared rows, one step per k, then done", () => {
    expect(progress.events[0]).toEqual({ kind: "note", text: notes.preparedRows(4330, 3, 8) });
    const steps = progress.events.filter((e) => e.kind === "step");
    expect(steps.map((e) => e.kind === "step" && [e.task, e.done, e.total])).toEqual(
      Array.from({ length: 10 }, (_, i) => ["sweep", i, 9]),
    );
    expect(progress.events.at(-1)).toEqual({ kind: "done" });
  });

  it("profiles the recommended k for the report: four labelled clusters, top one first", () => {
    const { profiles } = result.recommended;
    expect(profiles.clusters.map((c) => c.cluster)).toEqual([0, 1, 2, 3]);
    expect(profiles.clusters.reduce((n, c) => n + c.size, 0)).toBe(4330);
    expect(profiles.clusters[0]!.label).toBe("Very frequent · High spend · Recent");
    const monetary = profiles.clusters.map((c) => c.mean.monetary!);
    expect([...monetary].sort((a, b) => b - a)).toEqual(monetary);
    expect(result.report.cluster?.profiles.clusters).toHaveLength(4);
    expect(result.report.sweep?.recommendation.recommendedK).toBe(4);
  });

  it("clusterWorkflow with k = 4 and the same seed refits exactly the sweep's fit of k = 4", () => {
    const cluster = clusterWorkflow({ table, prepare: DEMO_PREPARE, k: 4, fit: { seed: 7 } });
    const row = result.artifact.k.find((r) => r.k === 4)!;
    expect(cluster.clustering.inertia).toBe(row.inertia);
    expect(cluster.clustering.iterations).toBe(row.iterations);
    expect(writeModel(cluster.model)).toBe(writeModel(result.recommended.model));
    expect(writeAssignments(cluster.assignments)).toBe(
      writeAssignments(result.recommended.assignments),
    );
  });

  it("the same seed gives the same sweep.json text; the files are sweep.json and report.html", async () => {
    const again = sweepWorkflow({ table, prepare: DEMO_PREPARE, fit: { seed: 7 } });
    expect(writeSweep(again.artifact)).toBe(writeSweep(result.artifact));
    const files = await sweepFiles(result);
    expect(files.map((f) => f.name)).toEqual(SWEEP_OUTPUTS);
    expect(files[0]!.content).toBe(writeSweep(result.artifact));
    expect(String(files[1]!.content)).toContain("<svg");
  });

  it("refuses a reversed or too small range before any work", () => {
    expect(
      errorOf(() => sweepWorkflow({ table, prepare: DEMO_PREPARE, k: { min: 5, max: 3 } })).message,
    ).toBe(clusterMsg.kRangeReversed(5, 3).message);
    expect(
      errorOf(() => sweepWorkflow({ table, prepare: DEMO_PREPARE, k: { min: 1, max: 3 } })).message,
    ).toBe(clusterMsg.kTooSmall(1).message);
  });
});
