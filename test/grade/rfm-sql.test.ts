/**
 * RFM scores and named segments from the exported SQL must equal the rules
 * stage's (`scoreRfm` + `assignSegments`) for every client.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoringSql } from "../../src/grade/index.js";
import { validateRfmSpec } from "../../src/grade/rfm-file.js";
import { loadTable } from "../../src/load/index.js";
import type { Table } from "../../src/load/types.js";
import { assignSegments, R_RFM_SEGMENT_TABLE, scoreRfm } from "../../src/rules/index.js";
import type { RfmScores } from "../../src/rules/types.js";
import { SegworkError } from "../../src/shared/errors.js";
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

/** What a saved rfm.json holds: the scores' binning and thresholds plus the segment table, through JSON. */
function rfmJson(scores: RfmScores): unknown {
  return JSON.parse(
    JSON.stringify({
      binning: scores.binning,
      bins: scores.bins,
      thresholds: scores.thresholds,
      segments: R_RFM_SEGMENT_TABLE,
    }),
  );
}

function rfmInput(table: Table) {
  return {
    ids: table.ids,
    recencyDays: table.columns.recency_days!,
    frequency: table.columns.frequency!,
    monetary: table.columns.monetary!,
  };
}

/** Runs the SQL with RFM on `table`; returns per id [r, f, m, rfm, segment]. */
async function sqlRfm(
  sqlTable: string,
  rfm: ReturnType<typeof validateRfmSpec>,
): Promise<Map<string, unknown[]>> {
  const { model } = fitModel(clients, { features: FEATURES, log: FEATURES }, 4);
  const rows = await queryRows(connection, scoringSql(model, { table: sqlTable, rfm }));
  return new Map(rows.map((r) => [String(r[0]), r.slice(3)]));
}

describe("RFM in the exported SQL vs the rules stage", () => {
  it("gives every demo client the same R, F, M, RFM score and segment (R rfm quantile cuts)", async () => {
    const scores = scoreRfm(rfmInput(clients));
    const segments = assignSegments(scores, R_RFM_SEGMENT_TABLE);
    const spec = validateRfmSpec(rfmJson(scores), "rfm.json");
    const sql = await sqlRfm("clients", spec);
    const differing = clients.ids.filter((id, i) => {
      const expected = [
        scores.recencyScore[i],
        scores.frequencyScore[i],
        scores.monetaryScore[i],
        scores.rfmScore[i],
        segments.segment[i],
      ];
      return JSON.stringify(sql.get(id)) !== JSON.stringify(expected);
    });
    expect(sql.size).toBe(4338);
    expect(differing).toEqual([]);
    // The comparison is not vacuous: every score 1..5 and several segments occur.
    expect(new Set(scores.recencyScore).size).toBe(5);
    expect(new Set(segments.segment).size).toBeGreaterThan(5);
  });

  it("scores a later table with the saved cut points as scoreRfm does when given them", async () => {
    const saved = scoreRfm(rfmInput(clients));
    const spec = validateRfmSpec(rfmJson(saved), "rfm.json");
    // Shifted values, some beyond the fitted range at both ends.
    await connection.run(`CREATE OR REPLACE TABLE later_rfm AS
      SELECT client_id, recency_days * 2 - 30 AS recency_days, frequency + 3 AS frequency, monetary * 0.7 - 100 AS monetary
      FROM clients`);
    const rows = await queryRows(
      connection,
      "SELECT CAST(client_id AS VARCHAR), recency_days, frequency, monetary FROM later_rfm",
    );
    const later = {
      ids: rows.map((r) => r[0] as string),
      recencyDays: rows.map((r) => Number(r[1])),
      frequency: rows.map((r) => Number(r[2])),
      monetary: rows.map((r) => Number(r[3])),
    };
    const cuts = {
      recency: spec.cuts.recency,
      frequency: spec.cuts.frequency,
      monetary: spec.cuts.monetary,
    };
    const scores = scoreRfm(later, { cuts });
    const segments = assignSegments(scores, R_RFM_SEGMENT_TABLE);
    const sql = await sqlRfm("later_rfm", spec);
    const differing = later.ids.filter((id, i) => {
      const expected = [
        scores.recencyScore[i],
        scores.frequencyScore[i],
        scores.monetaryScore[i],
        scores.rfmScore[i],
        segments.segment[i],
      ];
      return JSON.stringify(sql.get(id)) !== JSON.stringify(expected);
    });
    expect(differing).toEqual([]);
  });

  it("a NULL measure gives NULL scores and segment, not a score", async () => {
    const spec = validateRfmSpec(rfmJson(scoreRfm(rfmInput(clients))), "rfm.json");
    await connection.run(`CREATE OR REPLACE TABLE holes AS
      SELECT * FROM (VALUES (1, NULL, 3, 100.0), (2, 10, 3, 100.0)) v(client_id, recency_days, frequency, monetary)`);
    const sql = await sqlRfm("holes", spec);
    expect(sql.get("1")).toEqual([null, expect.any(Number), expect.any(Number), null, null]);
    expect(sql.get("2")!.every((v) => v !== null)).toBe(true);
  });

  it("without a segment table, returns the scores and no segment column", async () => {
    const spec = validateRfmSpec(
      { bins: 2, cuts: { recency: [30], frequency: [2], monetary: [100] } },
      "r.json",
    );
    const { model } = fitModel(clients, { features: FEATURES, log: FEATURES }, 2);
    const reader = await connection.runAndReadAll(`${scoringSql(model, { rfm: spec })}LIMIT 1`);
    expect(reader.columnNames()).toEqual([
      "id",
      "cluster",
      "label",
      "recency_score",
      "frequency_score",
      "monetary_score",
      "rfm_score",
    ]);
  });
});

describe("validateRfmSpec", () => {
  const messageOf = (value: unknown): string => {
    try {
      validateRfmSpec(value, "rfm.json");
    } catch (error) {
      expect(error).toBeInstanceOf(SegworkError);
      return (error as SegworkError).message;
    }
    throw new Error("expected a SegworkError");
  };
  const FRESH = 'rerun "segwork rfm" to write a fresh rfm.json';
  const cuts = { recency: [30], frequency: [2], monetary: [100] };

  it("reads cut points from thresholds or cuts, columns and a listed segment table", () => {
    const spec = validateRfmSpec(
      {
        bins: 2,
        thresholds: {
          recency: { cuts: [30] },
          frequency: { cuts: [2] },
          monetary: { cuts: [100] },
        },
        columns: { monetary: "revenue" },
        unmatched: "Rest",
        segments: [{ name: "Top", recency: 2, frequency: [2, 2], monetary: [1, 2] }],
      },
      "rfm.json",
    );
    expect(spec).toEqual({
      file: "rfm.json",
      bins: 2,
      columns: { recency: "recency_days", frequency: "frequency", monetary: "revenue" },
      cuts,
      segments: {
        unmatched: "Rest",
        segments: [{ name: "Top", recency: [2, 2], frequency: [2, 2], monetary: [1, 2] }],
      },
    });
  });

  it.each([
    [[], `rfm.json: key "(top level)" must be an object (got []); ${FRESH}`],
    [
      { binning: "ntile", bins: 5 },
      'rfm.json: RFM scores were binned with "ntile", which ranks the whole table and has no cut points to reuse; rerun "segwork rfm" with r-rfm binning to export its scores as SQL',
    ],
    [
      { binning: "jenks", bins: 5 },
      `rfm.json: key "binning" must be "r-rfm" (got "jenks"); ${FRESH}`,
    ],
    [{ bins: 12 }, `rfm.json: key "bins" must be a whole number from 2 to 9 (got 12); ${FRESH}`],
    [
      { bins: 2, cuts: { recency: [30, 40] } },
      `rfm.json: key "cuts.recency" must be a list of 1 ascending numbers (bins − 1 cut points) (got [30,40]); ${FRESH}`,
    ],
    [
      { bins: 3, thresholds: { recency: { cuts: [5, 4] } } },
      `rfm.json: key "thresholds.recency.cuts" must be a list of 2 ascending numbers (bins − 1 cut points) (got [5,4]); ${FRESH}`,
    ],
    [
      { bins: 2, cuts, columns: { frequency: "" } },
      `rfm.json: key "columns.frequency" must be a column name (got ""); ${FRESH}`,
    ],
    [
      { bins: 2, cuts, segments: { segments: "all" } },
      `rfm.json: key "segments.segments" must be a list of segment rules (got "all"); ${FRESH}`,
    ],
    [
      { bins: 2, cuts, segments: [{ name: "Top", recency: [1, 3], frequency: 1, monetary: 1 }] },
      `rfm.json: key "segments[0].recency" must be a score 1..2 or a range [low, high] within 1..2 (got [1,3]); ${FRESH}`,
    ],
    [
      { bins: 2, cuts, segments: [{ recency: 1, frequency: 1, monetary: 1 }] },
      `rfm.json: key "segments[0].name" must be a segment name (got nothing); ${FRESH}`,
    ],
  ])("rejects %j", (value, expected) => {
    expect(messageOf(value)).toBe(expected);
  });
});
