/**
 * Rows without a client id are dropped at the load stage, with a count and
 * their lines on the table — in every format, so every command that reads a
 * client table gets the same rule (as transaction lines without a client id
 * are dropped by the features stage). `rfm --input` used to score a client
 * "" and move every quantile cut point with it.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeFormat, parseTable } from "../../src/load/index.js";
import { rfmQuantileCuts } from "../../src/rules/index.js";
import * as loadMessages from "../../src/shared/messages/load.js";
import { runCli, tempDir, writeInput } from "../helpers/cli.js";
import { column, parseText } from "./helpers.js";

const scratch = tempDir("segwork-missing-ids-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const csv = [
  "client_id,recency_days,frequency,monetary",
  "a,10,1,100",
  ",999,99,99999", // no id: would be the extreme client ""
  "b,x,2,200", // a non-numeric recency in a kept row
  '" ",oops,3,NA', // blank quoted id: its parse problems must not count
  "c,30,3,",
  "d,40,4,400",
].join("\n");

describe("rows without a client id", () => {
  it("CSV: dropped, counted with their lines, and left out of the parse issues", async () => {
    const table = await parseText(csv, { id: "client_id" });
    expect(table.ids).toEqual(["a", "b", "c", "d"]);
    expect(table.rowCount).toBe(4);
    expect(table.rowsWithoutId).toEqual({ count: 2, lines: [3, 5] });
    expect(Array.from(table.sourceLines)).toEqual([2, 4, 6, 7]);
    expect(column(table, "monetary")).toEqual([100, 200, NaN, 400]);
    // "oops" and "NA" sat in the dropped row 5: only "x" (line 4) and the empty cell count.
    expect(table.issues.recency_days).toEqual({
      missing: 0,
      nonNumeric: 1,
      firstNonNumeric: { row: 2, line: 4, value: "x" },
    });
    expect(table.issues.monetary).toEqual({ missing: 1, nonNumeric: 0 });
    expect(describeFormat(table)).toBe(
      "mem.csv: CSV (comma-separated, utf-8), 4 rows, 4 columns; 2 rows without a client id dropped (lines 3, 5)",
    );
  });

  it("the first non-numeric cell moves on when it was in a dropped row", async () => {
    const table = await parseText("id,x\n,bad\na,1\nb,worse\n", { id: "id" });
    expect(table.issues.x).toEqual({
      missing: 0,
      nonNumeric: 1,
      firstNonNumeric: { row: 2, line: 4, value: "worse" },
    });
  });

  it("JSON records and lists: the same rule", async () => {
    const records = JSON.stringify([
      { id: "a", x: 1 },
      { id: "", x: 2 },
      { x: 3 },
      { id: null, x: 4 },
      { id: "b", x: 5 },
    ]);
    const table = await parseText(records, { id: "id" }, "json", "mem.json");
    expect(table.ids).toEqual(["a", "b"]);
    expect(column(table, "x")).toEqual([1, 5]);
    expect(table.rowsWithoutId).toEqual({ count: 3, lines: [2, 3, 4] });
    const lines = await parseText(
      '{"id":"a","x":1}\n{"id":" ","x":2}\n',
      { id: "id" },
      "jsonl",
      "m.jsonl",
    );
    expect(lines.rowsWithoutId).toEqual({ count: 1, lines: [2] });
  });

  it("row-number ids drop nothing; a table with no id at all is refused", async () => {
    const numbered = await parseText("x\n1\n\n2\n");
    expect(numbered.rowsWithoutId).toEqual({ count: 0, lines: [] });
    await expect(parseText("id,x\n,1\n ,2\n", { id: "id" })).rejects.toThrow(
      loadMessages.noRowWithId("mem.csv", "id", 2).message,
    );
  });

  it("quantile cut points are those of the clients with ids", async () => {
    const table = await parseText(csv, { id: "client_id" });
    const withoutBlank = await parseTable(
      new TextEncoder().encode(
        csv
          .split("\n")
          .filter((line) => !/^(,|" ",)/.test(line))
          .join("\n"),
      ),
      "mem.csv",
      "csv",
      { id: "client_id" },
    );
    expect(rfmQuantileCuts(table.columns.frequency!, 4)).toEqual(
      rfmQuantileCuts(withoutBlank.columns.frequency!, 4),
    );
  });

  it('segwork rfm --input scores no client ""', () => {
    const input = writeInput(scratch, "clients.csv", csv.replace("b,x,", "b,20,") + "\n");
    const out = path.join(scratch, "rfm");
    const result = runCli([
      "rfm",
      "--input",
      input,
      "--id",
      "client_id",
      "--drop-missing",
      "--out",
      out,
      "--quiet",
    ]);
    expect(result.status, result.stderr).toBe(0);
    const ids = readFileSync(path.join(out, "segments.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(ids).toEqual(["a", "b", "d"]); // c has no monetary: dropped by --drop-missing
  });
});
