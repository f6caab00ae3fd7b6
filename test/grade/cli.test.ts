/**
 * The two commands run in-process (`runCliInProcess`: argv → exit code) on
 * small files in a temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commandLine } from "../../src/cli/parse.js";
import { runCliInProcess } from "../helpers/cli.js";
import { handModel } from "./hand-model.js";
import * as artifactMsg from "../../src/shared/messages/artifacts.js";
import { openDuckDb, queryRows, sqlString } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "segwork-grade-cli-"));
const modelFile = path.join(dir, "model.json");
// Two clusters on x alone (no scaling): centroids 0 and 10; labels with a comma and a quote.
const model = handModel([[0], [10]], {}, ['small, "quiet"', "big"]);
model.clusters[0]!.share = 0.5;
model.clusters[1]!.share = 0.5;
writeFileSync(modelFile, JSON.stringify(model));
const laterFile = path.join(dir, "later.csv");
writeFileSync(laterFile, "client,x,note\nA,1,\nB,9,\nC,,empty\nD,abc,text\nE,12,\n");

/** Runs a command that must fail as a user error (exit 2, one line); returns the message. */
async function errorOf(args: string[]): Promise<string> {
  const r = await runCliInProcess(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^segwork: [^\n]*\n$/);
  return r.stderr.slice("segwork: ".length, -1);
}

/** Runs a command that must succeed; returns its stdout. */
async function stdoutOf(args: string[]): Promise<string> {
  const r = await runCliInProcess(args);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe("segwork grade", () => {
  it("writes assignments.csv (unscored rows kept, cluster empty) and grade.json", async () => {
    const out = path.join(dir, "graded");
    const args = ["grade", "--model", modelFile, "--input", laterFile, "--id", "client"];
    await stdoutOf([...args, "--out", out, "--quiet"]);
    expect(readFileSync(path.join(out, "assignments.csv"), "utf8")).toBe(
      'id,cluster,label\nA,0,"small, ""quiet"""\nB,1,big\nC,,\nD,,\nE,1,big\n',
    );
    const summary = JSON.parse(readFileSync(path.join(out, "grade.json"), "utf8"));
    expect(summary.format).toBe("segwork-grade");
    expect(summary.command).toBe(commandLine([...args, "--out", out, "--quiet"]));
    expect(summary.input).toEqual({ file: laterFile, rows: 5, idColumn: "client" });
    expect(summary.model).toMatchObject({
      file: modelFile,
      k: 2,
      features: ["x"],
      fittedOn: "hand.csv",
    });
    expect(summary.counts).toMatchObject({
      rows: 5,
      scored: 3,
      unscored: 2,
      unscoredMissingOrNonNumeric: 2,
    });
    expect(summary.counts.features).toEqual([
      { feature: "x", missing: 1, nonNumeric: 1, logInvalid: 0 },
    ]);
    // Scored x = 1, 9, 12: one of three in cluster 0 (fit 0.5), two in cluster 1.
    expect(summary.drift.clusters.map((c: { nowCount: number }) => c.nowCount)).toEqual([1, 2]);
    expect(summary.drift.clusters[0].nowShare).toBeCloseTo(1 / 3, 15);
    expect(summary.drift.features[0].now.mean).toBeCloseTo(22 / 3, 12);
  });

  it("reports a feature the input lacks as the model's need", async () => {
    const noX = path.join(dir, "no-x.csv");
    writeFileSync(noX, "client,y\nA,1\n");
    expect(
      await errorOf([
        "grade",
        "--model",
        modelFile,
        "--input",
        noX,
        "--out",
        path.join(dir, "g2"),
        "--quiet",
      ]),
    ).toBe(
      `${noX}: no column named "x", which the model ${modelFile} needs (its features: x); rename the column or score with a model fitted on these columns`,
    );
    expect(existsSync(path.join(dir, "g2"))).toBe(false);
  });

  it("refuses to write over the model", async () => {
    const message = await errorOf([
      "grade",
      "--model",
      path.join(dir, "grade.json"),
      "--input",
      laterFile,
      "--out",
      dir,
      "--quiet",
    ]);
    expect(message).toBe(
      `refusing to write ${path.join(dir, "grade.json")}: it is one of the inputs; choose another --out`,
    );
  });
});

describe("segwork export-sql", () => {
  it("writes a query that DuckDB runs on the named table", async () => {
    const out = path.join(dir, "sql", "score.sql");
    expect(
      await stdoutOf([
        "export-sql",
        "--model",
        modelFile,
        "--table",
        "later",
        "--id",
        "client",
        "--out",
        out,
      ]),
    ).toBe("");
    const sql = readFileSync(out, "utf8");
    expect(
      sql.startsWith(
        `-- segwork scoring query: nearest-centroid cluster for every row of later\n-- Model: ${modelFile} `,
      ),
    ).toBe(true);
    const connection = await openDuckDb();
    await connection.run(
      `CREATE TABLE later AS SELECT * FROM read_csv(${sqlString(laterFile)}, all_varchar = true)`,
    );
    // TRY_CAST in the fixture only: the exported SQL expects numeric columns.
    await connection.run(
      `CREATE OR REPLACE TABLE later AS SELECT client, TRY_CAST(x AS DOUBLE) AS x FROM later`,
    );
    const rows = await queryRows(connection, `${sql}ORDER BY "id"`);
    expect(rows).toEqual([
      ["A", 0, 'small, "quiet"'],
      ["B", 1, "big"],
      ["C", null, null],
      ["D", null, null],
      ["E", 1, "big"],
    ]);
    connection.closeSync();
  });

  it("prints to stdout without --out, with RFM scores and segments from --rfm", async () => {
    const rfmFile = path.join(dir, "rfm.json");
    writeFileSync(
      rfmFile,
      JSON.stringify({
        binning: "r-rfm",
        bins: 2,
        cuts: { recency: [30], frequency: [2], monetary: [100] },
        segments: {
          unmatched: "Rest",
          segments: [{ name: "Best", recency: 2, frequency: 2, monetary: 2 }],
        },
      }),
    );
    const sql = await stdoutOf([
      "export-sql",
      "--model",
      modelFile,
      "--rfm",
      rfmFile,
      "--table",
      "c",
      "--id",
      "client",
    ]);
    expect(sql).toContain(
      `-- RFM: ${rfmFile} (2 bins from saved cut points on recency_days, frequency, monetary, 1 segment rules (first match wins))`,
    );
    const connection = await openDuckDb();
    // Recency 5 < 30 → R 2; frequency 3 ≥ 2 → F 2; monetary 150 ≥ 100 → M 2 → "Best". The second misses on M.
    await connection.run(`CREATE TABLE c AS SELECT * FROM (VALUES ('A', 1.0, 5, 3, 150.0), ('B', 9.0, 5, 3, 50.0))
      v(client, x, recency_days, frequency, monetary)`);
    const rows = await queryRows(connection, `${sql}ORDER BY "id"`);
    expect(rows).toEqual([
      ["A", 0, 'small, "quiet"', 2, 2, 2, 222, "Best"],
      ["B", 1, "big", 2, 2, 1, 221, "Rest"],
    ]);
    connection.closeSync();
  });

  it("checks its options before reading anything", async () => {
    const exportSql = ["export-sql", "--model", modelFile];
    expect(await errorOf([...exportSql, "--table", ""])).toBe(
      "--table must name a table or column (got an empty name)",
    );
    expect(await errorOf([...exportSql, "--id", ""])).toBe(
      "--id must name a table or column (got an empty name)",
    );
    const folder = path.join(dir, "a-folder");
    mkdirSync(folder);
    expect(await errorOf([...exportSql, "--out", folder])).toBe(
      `--out ${folder} is a folder; --out names the .sql file to write (or leave it out to print the query)`,
    );
    expect(await errorOf([...exportSql, "--out", modelFile])).toBe(
      `refusing to write ${modelFile}: it is one of the inputs; choose another --out`,
    );
    const missing = path.join(dir, "missing.json");
    expect(await errorOf(["export-sql", "--model", missing])).toBe(
      artifactMsg.notFound(missing, "segwork cluster").message,
    );
  });
});
