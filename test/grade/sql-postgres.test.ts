/**
 * `export-sql --dialect`: the scoring query for every dialect, and the
 * DuckDB and PostgreSQL queries run on real engines — PostgreSQL 15 through
 * `pg` — giving all 4,338 demo clients the cluster and label of `gradeTable`
 * and the R, F, M scores and segment of the rules stage.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  gradeTable,
  POSTGRES_TESTED_ON,
  scoringSql,
  type SegworkModel,
} from "../../src/grade/index.js";
import { validateRfmSpec } from "../../src/grade/rfm-file.js";
import { loadTable } from "../../src/load/index.js";
import type { Table } from "../../src/load/types.js";
import type { PrepareOptions } from "../../src/prepare/types.js";
import { assignSegments, R_RFM_SEGMENT_TABLE, scoreRfm } from "../../src/rules/index.js";
import { SQL_DIALECTS } from "../../src/shared/sql-dialect.js";
import { openPostgres, postgresAvailable, type TestPostgres } from "../helpers/postgres.js";
import { tableFrom } from "../helpers/table.js";
import { DEMO_CSV, fitModel } from "./helpers.js";

const FEATURES = ["recency_days", "frequency", "monetary"];
const MODELS: [string, PrepareOptions, number][] = [
  ["log1p on all, z-score, k = 4", { features: FEATURES, log: FEATURES, scale: "zscore" }, 4],
  [
    "clip 1%/99%, log1p monetary, min-max, k = 3",
    { features: FEATURES, log: ["monetary"], scale: "minmax", clip: [0.01, 0.99] },
    3,
  ],
  [
    "robust, log1p frequency and monetary, k = 5",
    { features: FEATURES, log: ["frequency", "monetary"], scale: "robust" },
    5,
  ],
  ["no scaling, k = 2", { features: FEATURES, scale: "none" }, 2],
];

let clients: Table;
beforeAll(async () => {
  clients = await loadTable(DEMO_CSV, { id: "client_id", numeric: FEATURES });
});

describe("the scoring query in each dialect", () => {
  it("spells types and names as each engine wants them", () => {
    const { model } = fitModel(clients, MODELS[0]![1], 4);
    const sql = Object.fromEntries(
      SQL_DIALECTS.map((dialect) => [dialect, scoringSql(model, { dialect })]),
    );
    expect(sql.duckdb).toContain('CAST("recency_days" AS DOUBLE) AS x0');
    expect(sql.postgres).toContain('CAST("recency_days" AS DOUBLE PRECISION) AS x0');
    expect(sql.postgres).not.toMatch(/AS DOUBLE\)/);
    expect(sql.postgres).toMatch(/- CAST\(\d\.\d{16}E[+-]\d+ AS DOUBLE PRECISION\)/);
    expect(sql.spark).toContain("CAST(`recency_days` AS DOUBLE) AS x0");
    expect(sql.spark).not.toMatch(/"\w+"/); // no double-quoted identifiers for Spark
    expect(sql.trino).toContain('CAST("recency_days" AS DOUBLE) AS x0');
    expect(sql.postgres).toContain(`Tested on: ${POSTGRES_TESTED_ON}`);
    expect(sql.spark).toContain("Not run on Spark SQL by segwork's tests");
  });
});

describe.skipIf(!postgresAvailable())(
  "the scoring query on PostgreSQL vs gradeTable and the rules stage",
  () => {
    let db: TestPostgres;
    beforeAll(async () => {
      db = await openPostgres();
      await db.client.query(
        "CREATE TABLE clients (client_id text, recency_days double precision, frequency double precision, monetary double precision)",
      );
      // The loader's very doubles, sent in their shortest round-trip text (float8in reads them back exactly).
      for (let start = 0; start < clients.rowCount; start += 1000) {
        const end = Math.min(clients.rowCount, start + 1000);
        const values: unknown[] = [];
        const tuples: string[] = [];
        for (let i = start; i < end; i++) {
          const at = values.length;
          tuples.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4})`);
          values.push(clients.ids[i], ...FEATURES.map((f) => clients.columns[f]![i]));
        }
        await db.client.query(`INSERT INTO clients VALUES ${tuples.join(", ")}`, values);
      }
    }, 120_000);
    afterAll(async () => db?.close());

    const query = async (sql: string): Promise<Record<string, unknown>[]> =>
      (await db.client.query(sql)).rows as Record<string, unknown>[];

    it(`runs on ${POSTGRES_TESTED_ON}`, async () => {
      const [{ version }] = (await query("SELECT version()")) as [{ version: string }];
      expect(version).toMatch(new RegExp(`^${POSTGRES_TESTED_ON}\\.`));
    });

    for (const [name, options, k] of MODELS) {
      it(`${name}: every client's cluster and label are gradeTable's`, async () => {
        const { model } = fitModel(clients, options, k);
        const result = gradeTable(model as SegworkModel, clients);
        const rows = await query(
          scoringSql(model, { table: "clients", id: "client_id", dialect: "postgres" }),
        );
        const sql = new Map(rows.map((row) => [String(row.id), row]));
        expect(sql.size).toBe(4338);
        const differing = result.ids.filter((id, i) => {
          const got = sql.get(id)!;
          const expected =
            result.cluster[i]! < 0 ? [null, null] : [result.cluster[i], result.label[i]];
          return got.cluster !== expected[0] || got.label !== expected[1];
        });
        expect(differing).toEqual([]);
        expect(result.counts.scored).toBeGreaterThanOrEqual(4330);
      });
    }

    it("NULL features and log-undefined values: NULL cluster and label, as gradeTable leaves them unscored", async () => {
      await db.client.query(
        "CREATE TABLE later AS SELECT * FROM (VALUES ('a', NULL, 2.0, 10.0), ('b', 5.0, 1.0, -5.0), ('c', 40.0, 3.0, 800.0)) AS t(client_id, recency_days, frequency, monetary)",
      );
      const { model } = fitModel(clients, MODELS[0]![1], 4);
      const later = tableFrom(
        { recency_days: [null, 5, 40], frequency: [2, 1, 3], monetary: [10, -5, 800] },
        ["a", "b", "c"],
        "later",
      );
      const result = gradeTable(model, later);
      expect(Array.from(result.cluster.slice(0, 2))).toEqual([-1, -1]);
      const rows = await query(
        scoringSql(model, { table: "later", id: "client_id", dialect: "postgres" }),
      );
      const byId = new Map(rows.map((row) => [String(row.id), row]));
      expect([byId.get("a")!.cluster, byId.get("b")!.cluster]).toEqual([null, null]);
      expect(byId.get("c")!.cluster).toBe(result.cluster[2]);
      expect(byId.get("c")!.label).toBe(result.label[2]);
    });

    it("every client's R, F, M, RFM score and segment are the rules stage's", async () => {
      const input = {
        ids: clients.ids,
        recencyDays: clients.columns.recency_days!,
        frequency: clients.columns.frequency!,
        monetary: clients.columns.monetary!,
      };
      const scores = scoreRfm(input);
      const segments = assignSegments(scores, R_RFM_SEGMENT_TABLE);
      const rfm = validateRfmSpec(
        JSON.parse(
          JSON.stringify({
            binning: scores.binning,
            bins: scores.bins,
            thresholds: scores.thresholds,
            segments: R_RFM_SEGMENT_TABLE,
          }),
        ),
        "rfm.json",
      );
      const { model } = fitModel(clients, MODELS[0]![1], 4);
      const rows = await query(scoringSql(model, { table: "clients", rfm, dialect: "postgres" }));
      const sql = new Map(rows.map((row) => [String(row.id), row]));
      const differing = clients.ids.filter((id, i) => {
        const got = sql.get(id)!;
        return (
          got.recency_score !== scores.recencyScore[i] ||
          got.frequency_score !== scores.frequencyScore[i] ||
          got.monetary_score !== scores.monetaryScore[i] ||
          got.rfm_score !== scores.rfmScore[i] ||
          got.segment !== segments.segment[i]
        );
      });
      expect(sql.size).toBe(4338);
      expect(differing).toEqual([]);
      expect(new Set(segments.segment).size).toBeGreaterThan(5);
    });
  },
);
