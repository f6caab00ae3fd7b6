/**
 * The export-sql workflow: the query it writes for a model fitted on the
 * shipped clients, run by DuckDB on the same CSV, assigns every row the
 * cluster `gradeWorkflow` gives it (and leaves the unscorable ones NULL).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseModel, writeModel } from "../../src/artifacts/model.js";
import { readRfmScoringFile, writeRfm } from "../../src/artifacts/rfm.js";
import * as gradeMsg from "../../src/shared/messages/grade.js";
import { packageVersion } from "../../src/shared/package-info.js";
import {
  clusterWorkflow,
  exportSqlWorkflow,
  gradeWorkflow,
  rfmClientsFromTable,
  rfmSettings,
  rfmWorkflow,
} from "../../src/workflows/index.js";
import type { SegworkModel } from "../../src/artifacts/model.js";
import type { Table } from "../../src/load/types.js";
import { tempDir, writeInput } from "../helpers/cli.js";
import { errorOf } from "../helpers/errors.js";
import { openDuckDb, queryRows, sqlString } from "../grade/helpers.js";
import { DEMO_PREPARE, SHIPPED_CLIENTS, shippedClients } from "./fixtures.js";

describe("exportSqlWorkflow: the shipped clients scored in DuckDB", () => {
  let table: Table;
  let model: SegworkModel;

  beforeAll(async () => {
    table = await shippedClients();
    const fit = clusterWorkflow({ table, prepare: DEMO_PREPARE, k: 4, fit: { seed: 7 } });
    model = parseModel(writeModel(fit.model), "model.json");
  });

  it("gives every row the cluster and label grade gives it; RFM scores as the rfm workflow's", async () => {
    const rfm = rfmWorkflow({
      clients: rfmClientsFromTable(table, {}, { withTenure: false, dropMissing: false }),
      settings: rfmSettings(),
    });
    const sql = exportSqlWorkflow({
      model,
      modelFile: "runs/k4/model.json",
      // Through rfm.json, as `segwork export-sql --rfm rfm.json` reads it.
      rfm: readRfmScoringFile(writeInput(tempDir(), "rfm.json", writeRfm(rfm.artifact))),
      table: "clients",
      id: "client_id",
    });
    expect(sql.split("\n").slice(0, 2)).toEqual([
      "-- segwork scoring query: nearest-centroid cluster and RFM scores and segment for every row of clients",
      `-- Model: runs/k4/model.json (format segwork-model v1, written by segwork ${packageVersion()}),`,
    ]);
    const connection = await openDuckDb();
    await connection.run(
      `CREATE TABLE clients AS SELECT * FROM read_csv(${sqlString(SHIPPED_CLIENTS)}, types = {'client_id': 'VARCHAR'})`,
    );
    const rows = await queryRows(connection, `${sql}ORDER BY "id"`);
    connection.closeSync();
    const graded = gradeWorkflow({ model, table }).result;
    const expected = graded.ids
      .map((id, i) => {
        const cluster = graded.cluster[i]!;
        return [
          id,
          cluster < 0 ? null : cluster,
          graded.label[i],
          rfm.scores.recencyScore[i]!,
          rfm.scores.frequencyScore[i]!,
          rfm.scores.monetaryScore[i]!,
          rfm.scores.rfmScore[i]!,
          rfm.assignment.segment[i]!,
        ];
      })
      .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
    expect(rows).toHaveLength(4338);
    const mismatches = rows.filter((row, i) => JSON.stringify(row) !== JSON.stringify(expected[i]));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("checks the table and id names", () => {
    expect(errorOf(() => exportSqlWorkflow({ model, table: "" })).message).toBe(
      gradeMsg.emptyIdentifier("--table").message,
    );
    expect(errorOf(() => exportSqlWorkflow({ model, id: "" })).message).toBe(
      gradeMsg.emptyIdentifier("--id").message,
    );
  });
});
