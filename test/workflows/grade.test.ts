/**
 * The grade workflow: a model fitted by `clusterWorkflow` on the shipped
 * clients, graded on the same table, must give every client the cluster it
 * got at fit time, cluster shares with no drift, and feature statistics
 * equal to the saved scaler's. A shifted table must show the shift.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseGrade, writeGrade } from "../../src/artifacts/grade.js";
import { parseModel, writeModel, type SegworkModel } from "../../src/artifacts/model.js";
import type { Table } from "../../src/load/types.js";
import * as gradeMsg from "../../src/shared/messages/grade.js";
import * as notes from "../../src/shared/messages/workflows.js";
import {
  clusterWorkflow,
  gradeFiles,
  gradeWorkflow,
  GRADE_OUTPUTS,
  type ClusterResult,
  type GradeWorkflowResult,
} from "../../src/workflows/index.js";
import { DEMO_PREPARE, recorder, shippedClients } from "./fixtures.js";

describe("gradeWorkflow: the shipped clients graded with their own k = 4 model", () => {
  let table: Table;
  let fit: ClusterResult;
  let model: SegworkModel;
  let graded: GradeWorkflowResult;
  const progress = recorder();

  beforeAll(async () => {
    table = await shippedClients();
    fit = clusterWorkflow({ table, prepare: DEMO_PREPARE, k: 4, fit: { seed: 7 } });
    // Through the file format, as `segwork grade --model model.json` reads it.
    model = parseModel(writeModel(fit.model), "model.json");
    graded = gradeWorkflow({ model, table, onProgress: progress.onProgress });
  });

  it("gives every fitted client its fit-time cluster and label", () => {
    const { result } = graded;
    const fitted = new Map(fit.assignments.ids.map((id, i) => [id, i]));
    const mismatches: string[] = [];
    result.ids.forEach((id, i) => {
      const j = fitted.get(id);
      if (j === undefined) return;
      if (
        result.cluster[i] !== fit.assignments.cluster[j] ||
        result.label[i] !== fit.assignments.label[j]
      )
        mismatches.push(id);
    });
    expect(mismatches).toEqual([]);
    expect(fitted.size).toBe(4330);
  });

  it("leaves the 8 rows prepare dropped unscored (log1p undefined), counted and noted", () => {
    const { counts } = graded.result;
    expect(counts).toMatchObject({ rows: 4338, scored: 4330, unscored: 8, unscoredLogInvalid: 8 });
    expect(progress.notes()).toContain(gradeMsg.unscoredRows(8, 4338, 0, 8));
    const unscored = graded.result.ids.filter((_, i) => graded.result.cluster[i] === -1);
    expect(unscored.every((id) => !fit.assignments.ids.includes(id))).toBe(true);
  });

  it("shows no drift: shares as at fit time, centres where the scaler put them", () => {
    for (const c of graded.drift.clusters) {
      expect(c.nowCount).toBe(fit.profiles.clusters[c.cluster]!.size);
      // Both are count / 4330 of the same count.
      expect(c.change).toBe(0);
    }
    for (const f of graded.drift.features) {
      // The same rows and transform as the fit, summed another way: measured ≤ 4.5e-14 and 2.2e-15.
      expect(Math.abs(f.centerShift!)).toBeLessThan(5e-13);
      expect(Math.abs(f.scaleRatio! - 1)).toBeLessThan(3e-14);
    }
    expect(graded.summary).toEqual(
      graded.drift.clusters.map((c) =>
        notes.gradedClusterLine(c.cluster, c.label, c.nowCount, c.nowShare, c.fitShare),
      ),
    );
  });

  it("shows a doubled spend as a shift of log1p(monetary) by about log 2 / sd", () => {
    const doubled: Table = {
      ...table,
      columns: { ...table.columns, monetary: table.columns.monetary!.map((m) => m * 2) },
    };
    const drift = gradeWorkflow({ model, table: doubled }).drift;
    const monetary = drift.features.find((f) => f.feature === "monetary")!;
    // log1p(2m) − log1p(m) is just under log 2 for m > 0 (→ log 2 as m grows); measured 0.9949 of it.
    const ratio = monetary.centerShift! / (Math.log(2) / monetary.model.scale);
    expect(ratio).toBeGreaterThan(0.99);
    expect(ratio).toBeLessThan(1);
  });

  it("grade.json reads back; the files are assignments.csv and grade.json", () => {
    expect(parseGrade(writeGrade(graded.artifact), "grade.json")).toEqual(
      JSON.parse(writeGrade(graded.artifact)),
    );
    expect(gradeFiles(graded).map((f) => f.name)).toEqual(GRADE_OUTPUTS);
  });
});
