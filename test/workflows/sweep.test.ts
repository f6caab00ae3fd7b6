/**
 * The sweep workflow as a library call on the shipped Online Retail clients
 * (the demo's features and seed): the voted k and its reason follow from the
 * indices, gap and stability it reports, the same seed gives the same sweep.json, and
 * the recommended clustering is the one `clusterWorkflow` fits for that k.
 */
import { bicCurve, clusterSizes } from "../../src/evaluate/bic.js";
import { jumpStatistic } from "../../src/evaluate/jump.js";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSweep, writeSweep } from "../../src/artifacts/sweep.js";
import { maxSE } from "../../src/evaluate/gap-rules.js";
import { VOTE_DEFAULTS } from "../../src/evaluate/vote.js";
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

  // Before issue 13 the knee-first rule recommended k=4 here (knee 5, silhouette best near it at 4);
  // the vote before the BIC recommended k=2 (a four-way tie at weight 2 broken by rank sums).
  // Now: the gap (weight 2, firstSEmax) says 3, CH (weight 1) 2; the BIC keeps rising to k=10
  // (skewed spend: more clusters always fit better) and abstains; the weight-0 indices are shown.
  // The gap alone holds ⅔ of the cast weight, and one index is not an agreement: "split".
  it("the vote recommends k = 3 (split: the gap alone outweighs CH), and every ballot follows from the numbers sweep.json holds", () => {
    const { artifact } = result;
    const silhouette = new Map(artifact.k.map((r) => [r.k, r.silhouette]));
    const argmax = (score: (r: (typeof artifact.k)[number]) => number): number =>
      artifact.k.reduce((a, b) => (score(b) > score(a) ? b : a)).k;
    expect(argmax((r) => r.silhouette)).toBe(2);
    expect(argmax((r) => r.calinskiHarabasz)).toBe(2);
    expect(argmax((r) => -r.daviesBouldin)).toBe(2);
    const gapCurve = [artifact.gap!.gapAtOne, ...artifact.k.map((r) => r.gap!)];
    const gapSE = [artifact.gap!.gapSEAtOne, ...artifact.k.map((r) => r.gapSE!)];
    expect(maxSE(gapCurve, gapSE, VOTE_DEFAULTS.gapRule)).toBe(3);
    const stable = artifact.k.filter((r) => r.stabilityARI! >= VOTE_DEFAULTS.stabilityThreshold);
    expect(Math.max(...stable.map((r) => r.k))).toBe(3);
    // z-scores (population sd): W(1) = rows × features
    const whole = {
      rows: artifact.rows,
      features: artifact.features.length,
      totalSumOfSquares: artifact.rows * artifact.features.length,
    };
    expect(jumpStatistic(artifact.k, whole).bestK).toBe(10);
    // the BIC from sweep.json's inertias and the fits' cluster sizes
    const fits = artifact.k.map((r) => ({
      k: r.k,
      inertia: r.inertia,
      sizes: clusterSizes(result.sweep.clusterings.get(r.k)!.labels, r.k),
    }));
    const bic = bicCurve(fits, whole);
    expect(bic.bestK).toBe(10);
    expect(bic.k.at(-1)).toBe(10);
    expect(artifact.votes).toEqual({
      knee: 5,
      silhouette: 2,
      calinskiHarabasz: 2,
      daviesBouldin: 2,
      jump: 10,
      bic: null,
      gap: 3,
      stability: 3,
      recommendedK: 3,
      confidence: "split",
    });
    expect([artifact.elbowK, artifact.silhouetteK, artifact.recommendedK]).toEqual([5, 2, 3]);
    expect(artifact.reason).toBe(result.vote.reason);
    expect(artifact.reason).toContain(`silhouette peaks at k=2 (${silhouette.get(2)!.toFixed(3)})`);
    expect(artifact.reason).toContain(
      "Disagreeing: knee k=5, silhouette k=2, Calinski–Harabasz k=2, Davies–Bouldin k=2, jump k=10.",
    );
    expect(artifact.reason).toContain(
      "the Gaussian-mixture BIC keeps rising to the end of the range (k=10), no peak",
    );
    expect(result.vote.tieBreak).toBeUndefined();
    expect(artifact.gap).toMatchObject({ references: 50, dPower: 2, rows: 4330, sampled: false });
    expect(artifact.stability).toEqual({ resamples: 20, rows: 4330, sampled: false });
    // the vote's reason names its k itself ("Recommended k=3, but …"): printed as it is
    expect(artifact.reason).toMatch(/^Recommended k=3, but the indices are split/);
    expect(result.summary).toEqual([artifact.reason]);
  });

  it("gap and stability can be switched off: then the four indices vote alone", () => {
    const plain = sweepWorkflow({
      table,
      prepare: DEMO_PREPARE,
      fit: { seed: 7 },
      choose: { gap: false, stability: false },
    });
    expect(plain.gap).toBeUndefined();
    expect(plain.stability).toBeUndefined();
    expect(plain.artifact.gap).toBeNull();
    expect(plain.artifact.stability).toBeNull();
    expect(plain.artifact.k.every((r) => r.gap === null && r.stabilityARI === null)).toBe(true);
    expect([plain.artifact.votes.gap, plain.artifact.votes.stability]).toEqual([null, null]);
    // CH (weight 1) says 2 as do silhouette and DB; the BIC abstains (highest at k=10)
    expect(plain.artifact.recommendedK).toBe(2);
    // the sweep itself is untouched by switching them off
    expect(plain.artifact.k.map((r) => r.inertia)).toEqual(result.artifact.k.map((r) => r.inertia));
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

  it("reports progress: the prepared rows, one step per k, per gap set and per resample, then done", () => {
    expect(progress.events[0]).toEqual({ kind: "note", text: notes.preparedRows(4330, 3, 8) });
    const steps = progress.events.filter((e) => e.kind === "step");
    expect(steps.map((e) => e.kind === "step" && [e.task, e.done, e.total])).toEqual([
      ...Array.from({ length: 10 }, (_, i) => ["sweep", i, 9]),
      ...Array.from({ length: 51 }, (_, i) => ["gap", i + 1, 51]),
      ...Array.from({ length: 20 }, (_, i) => ["stability", i + 1, 20]),
    ]);
    expect(progress.events.at(-1)).toEqual({ kind: "done" });
  });

  it("profiles the recommended k for the report: three labelled clusters, top one first", () => {
    const { profiles } = result.recommended;
    expect(profiles.clusters.map((c) => c.cluster)).toEqual([0, 1, 2]);
    expect(profiles.clusters.reduce((n, c) => n + c.size, 0)).toBe(4330);
    expect(profiles.clusters.map((c) => c.label)).toEqual([
      "Very frequent · High spend · Recent",
      "Average",
      "Lapsed · Low spend · Infrequent",
    ]);
    const monetary = profiles.clusters.map((c) => c.mean.monetary!);
    expect([...monetary].sort((a, b) => b - a)).toEqual(monetary);
    expect(result.report.cluster?.profiles.clusters).toHaveLength(3);
    expect(result.report.sweep?.recommendation.recommendedK).toBe(3);
  });

  it("clusterWorkflow with k = 3 and the same seed refits exactly the sweep's fit of k = 3", () => {
    const cluster = clusterWorkflow({ table, prepare: DEMO_PREPARE, k: 3, fit: { seed: 7 } });
    const row = result.artifact.k.find((r) => r.k === 3)!;
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
    const html = String(files[1]!.content);
    expect(html).toContain("<svg");
    // the choosing-k sections: vote table, gap curve with error bars, stability per k
    for (const id of ['id="vote"', 'id="gap"', 'id="stability"']) expect(html).toContain(id);
    expect(html).toContain("How the indices voted");
    expect(html).toContain("k = 3: the indices are split");
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
