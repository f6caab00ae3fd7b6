/**
 * The exported SQL, run in DuckDB, must give every row exactly the cluster
 * and label `gradeTable` gives it (and NULL where gradeTable leaves a row
 * unscored), for models fitted with the real stages on the demo table.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  gradeTable,
  scoringSql,
  TESTED_ON,
  type GradeResult,
  type SegworkModel,
} from "../../src/grade/index.js";
import { loadTable } from "../../src/load/index.js";
import type { Table } from "../../src/load/types.js";
import type { PrepareOptions } from "../../src/prepare/types.js";
import { tableFrom } from "../helpers/table.js";
import { DEMO_CSV, fitModel, openDuckDb, queryRows, sqlString } from "./helpers.js";

const FEATURES = ["recency_days", "frequency", "monetary"];

let connection: DuckDBConnection;
let clients: Table;

beforeAll(async () => {
  clients = await loadTable(DEMO_CSV, { id: "client_id", numeric: FEATURES });
  connection = await openDuckDb();
  await connection.run(`CREATE TABLE clients AS SELECT * FROM read_csv(${sqlString(DEMO_CSV)})`);
});

afterAll(() => connection?.closeSync());

/** Runs the model's SQL on `table` and returns cluster and label per id (null when the SQL gives NULL). */
async function sqlAssignments(
  model: SegworkModel,
  table: string,
): Promise<Map<string, { cluster: number | null; label: string | null }>> {
  const rows = await queryRows(connection, scoringSql(model, { table, id: "client_id" }));
  const out = new Map<string, { cluster: number | null; label: string | null }>();
  for (const [id, cluster, label] of rows) {
    out.set(String(id), { cluster: cluster as number | null, label: label as string | null });
  }
  return out;
}

/** Asserts SQL and gradeTable agree on every row: same cluster and label, NULL ⇔ unscored. Returns mismatches (expected 0). */
function mismatches(
  result: GradeResult,
  sql: Map<string, { cluster: number | null; label: string | null }>,
): string[] {
  const bad: string[] = [];
  result.ids.forEach((id, i) => {
    const expected =
      result.cluster[i]! < 0
        ? { cluster: null, label: null }
        : { cluster: result.cluster[i]!, label: result.label[i]! };
    const got = sql.get(id);
    if (!got || got.cluster !== expected.cluster || got.label !== expected.label) {
      bad.push(`${id}: ts ${JSON.stringify(expected)} sql ${JSON.stringify(got)}`);
    }
  });
  if (sql.size !== result.ids.length)
    bad.push(`sql returned ${sql.size} rows, table has ${result.ids.length}`);
  return bad;
}

async function expectAgreement(options: PrepareOptions, k: number): Promise<GradeResult> {
  const { model, prepared, fitLabels } = fitModel(clients, options, k);
  const result = gradeTable(model, clients);
  // Scoring the fitting rows again with the saved scaler reproduces the fit's labels exactly.
  const rowOf = new Map(result.ids.map((id, i) => [id, i]));
  const refit = prepared.ids.map((id) => result.cluster[rowOf.get(id)!]!);
  expect(refit).toEqual(Array.from(fitLabels));
  expect(mismatches(result, await sqlAssignments(model, "clients"))).toEqual([]);
  return result;
}

describe("exported SQL on DuckDB vs gradeTable, demo table (4,338 clients)", () => {
  it("log1p on all three features, z-score, k = 4: identical clusters for every client", async () => {
    const result = await expectAgreement({ features: FEATURES, log: FEATURES, scale: "zscore" }, 4);
    // 8 clients have monetary ≤ −1 (net refunds), where log1p is undefined:
    // unscored in TypeScript, NULL in SQL; the other 4,330 get a cluster.
    expect(result.counts).toMatchObject({
      rows: 4338,
      scored: 4330,
      unscoredLogInvalid: 8,
      unscoredMissingOrNonNumeric: 0,
    });
    expect(new Set(result.cluster).size).toBe(5); // clusters 0..3 plus −1
  });

  it("winsorized at 1%/99% with log1p on monetary, min-max, k = 3", async () => {
    const result = await expectAgreement(
      { features: FEATURES, log: ["monetary"], scale: "minmax", clip: [0.01, 0.99] },
      3,
    );
    // Clipping first lifts monetary ≤ −1 to the 1% bound (> −1), so every client is scored.
    expect(result.counts.scored).toBe(4338);
  });

  it("robust scaling with log1p on frequency and monetary, k = 5", async () => {
    await expectAgreement(
      { features: FEATURES, log: ["frequency", "monetary"], scale: "robust" },
      5,
    );
  });

  it("no scaling, no log, k = 2", async () => {
    await expectAgreement({ features: FEATURES, scale: "none" }, 2);
  });

  it("a later table with shifted values, NULLs and log-undefined values", async () => {
    const { model } = fitModel(
      clients,
      { features: FEATURES, log: FEATURES, clip: [0.05, 0.95] },
      4,
    );
    // Every 7th client loses a feature; every 11th gets monetary −5 (below the
    // clip bound, so clipping rescues it); values move beyond the fit's range.
    await connection.run(`CREATE OR REPLACE TABLE later AS
      SELECT client_id,
        CASE WHEN client_id % 7 = 0 THEN NULL ELSE recency_days * 1.5 + 3 END AS recency_days,
        frequency * 2 AS frequency,
        CASE WHEN client_id % 11 = 0 THEN -5.0 ELSE monetary * 1.1 END AS monetary
      FROM clients`);
    const table = await duckTable("later");
    const result = gradeTable(model, table);
    expect(result.counts.unscoredMissingOrNonNumeric).toBeGreaterThan(600);
    expect(result.counts.unscoredLogInvalid).toBe(0);
    expect(mismatches(result, await sqlAssignments(model, "later"))).toEqual([]);
    // Without clip bounds, monetary −5 has no log1p: unscored and NULL alike.
    const { model: unclipped } = fitModel(clients, { features: FEATURES, log: FEATURES }, 4);
    const unclippedResult = gradeTable(unclipped, table);
    expect(unclippedResult.counts.unscoredLogInvalid).toBeGreaterThan(300);
    expect(mismatches(unclippedResult, await sqlAssignments(unclipped, "later"))).toEqual([]);
  });

  it("the header names the DuckDB version this test runs", async () => {
    const [[version]] = (await queryRows(connection, "SELECT version()")) as [[string]];
    // e.g. "v1.5.6" → "DuckDB 1.5": bump TESTED_ON when @duckdb/node-api moves on.
    expect(TESTED_ON).toBe(`DuckDB ${version.replace(/^v/, "").split(".").slice(0, 2).join(".")}`);
  });
});

/** Reads a DuckDB table into a loader-shaped Table (NULL → missing), so both sides see the very same doubles. */
async function duckTable(name: string): Promise<Table> {
  const rows = await queryRows(
    connection,
    `SELECT CAST(client_id AS VARCHAR), ${FEATURES.join(", ")} FROM ${name}`,
  );
  const columns: Record<string, (number | null)[]> = {};
  FEATURES.forEach(
    (f, j) => (columns[f] = rows.map((r) => (r[j + 1] === null ? null : Number(r[j + 1])))),
  );
  return tableFrom(
    columns,
    rows.map((r) => r[0] as string),
    `${name} (duckdb)`,
  );
}
