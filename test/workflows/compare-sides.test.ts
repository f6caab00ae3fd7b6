/**
 * Comparison sides made in memory from a cluster run and an RFM run (what a
 * notebook and the demo compare) give the comparison `segwork compare` gives
 * on the files those runs write: same scores, same crosstab counts, with the
 * clusters labelled "number: label" and both sides in their runs' order.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeAssignments } from "../../src/artifacts/assignments.js";
import type { Table } from "../../src/load/types.js";
import {
  clusterCompareSide,
  clusterWorkflow,
  compareFiles,
  compareWorkflow,
  gradedCompareSide,
  gradeWorkflow,
  rfmClientsFromTable,
  rfmCompareSide,
  rfmFiles,
  rfmSettings,
  rfmWorkflow,
  type ClusterResult,
  type RfmResult,
} from "../../src/workflows/index.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { SIX_CLIENTS, tableOf } from "./fixtures.js";

const FEATURES = ["recency_days", "frequency", "monetary"];

describe("clusterCompareSide and rfmCompareSide", () => {
  let table: Table;
  let cluster: ClusterResult;
  let rfm: RfmResult;

  beforeAll(async () => {
    table = await tableOf(SIX_CLIENTS, { id: "client_id", text: ["country"] });
    cluster = clusterWorkflow({
      table,
      prepare: { features: FEATURES, scale: "zscore" },
      k: 2,
      fit: { seed: 7, restarts: 5 },
    });
    rfm = rfmWorkflow({
      clients: rfmClientsFromTable(table, {}, { withTenure: false, dropMissing: false }),
      settings: rfmSettings(),
    });
  });

  it("labels clusters 'number: label', in cluster order", () => {
    const side = clusterCompareSide(cluster);
    const names = cluster.profiles.clusters.map((c) => `${c.cluster}: ${c.label}`);
    expect(side.name).toBe("K-Means k=2");
    expect(side.order).toEqual(names);
    expect(side.labeling.ids).toEqual(cluster.assignments.ids);
    expect(side.labeling.labels).toEqual(Array.from(cluster.assignments.cluster, (c) => names[c]));
    expect(clusterCompareSide(cluster, "mine").name).toBe("mine");
  });

  it("gives RFM segments in table order with the unmatched group last", () => {
    const side = rfmCompareSide(rfm);
    expect(side.name).toBe("RFM segments");
    expect(side.order![0]).toBe("Champions");
    expect(side.order!.at(-1)).toBe("Others");
    // SIX_CLIENTS: C1 Champions, 0042 New Customers, C3 Potential Loyalist, C4 Promising, C5 Others, C6 Lost.
    expect(side.labeling.labels).toEqual([
      "Champions",
      "New Customers",
      "Potential Loyalist",
      "Promising",
      "Others",
      "Lost",
    ]);
  });

  it("compares as segwork compare does on the written files", async () => {
    const memory = compareWorkflow({
      a: clusterCompareSide(cluster),
      b: rfmCompareSide(rfm),
      clients: table,
      features: FEATURES,
      revenue: "monetary",
    });
    const dir = tempDir();
    // segments.csv with rfm.json beside it, which gives segwork compare the segment order.
    for (const file of await rfmFiles(rfm))
      if (file.name === "segments.csv" || file.name === "rfm.json")
        writeInput(dir, file.name, file.content);
    const files = await compareFiles({
      a: { file: writeInput(dir, "assignments.csv", writeAssignments(cluster.assignments)) },
      b: { file: path.join(dir, "segments.csv") },
      clients: writeInput(dir, "clients.csv", SIX_CLIENTS),
    });
    expect(memory.comparison.scores).toEqual(files.comparison.scores);
    expect(memory.comparison.crosstab.counts).toEqual(files.comparison.crosstab.counts);
    expect(memory.comparison.crosstab.colLabels).toEqual(files.comparison.crosstab.colLabels);
    expect(memory.comparison.separation!.a.betweenGini).toBe(
      files.comparison.separation!.a.betweenGini,
    );
  });

  it("gives a graded table's scored clients, labelled as the cluster run", async () => {
    const side = gradedCompareSide(
      gradeWorkflow({ model: cluster.model, table }),
      cluster.model,
      "Q1",
    );
    const fitted = clusterCompareSide(cluster);
    expect(side.name).toBe("Q1");
    expect(side.order).toEqual(fitted.order);
    // Graded on the table it was fitted on: every client in the cluster it was fitted into.
    expect(side.labeling.ids).toEqual(fitted.labeling.ids);
    expect(side.labeling.labels).toEqual(fitted.labeling.labels);
    // A client whose monetary is missing cannot be scored and is left out.
    const later = await tableOf(SIX_CLIENTS.replace("C4,20,2,400,UK", "C4,20,2,,UK"), {
      id: "client_id",
      text: ["country"],
    });
    const partial = gradedCompareSide(
      gradeWorkflow({ model: cluster.model, table: later }),
      cluster.model,
      "Q2",
    );
    expect(partial.labeling.ids).toEqual(["C1", "0042", "C3", "C5", "C6"]);
  });
});
