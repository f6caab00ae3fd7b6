import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { inputKindOf, loadTable, parseTable } from "../../src/load/index.js";
import { closestHeader, editDistance } from "../../src/load/suggest.js";
import { parseText, rejection } from "./helpers.js";

const folder = mkdtempSync(path.join(tmpdir(), "segwork-load-errors-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array): string => {
  const at = path.join(folder, name);
  writeFileSync(at, content);
  return at;
};

describe("file-level errors name the file", () => {
  test("file not found", async () => {
    const missing = path.join(folder, "nope.csv");
    const error = await rejection(loadTable(missing));
    expect(error.message).toBe(
      `Cannot find the file "${missing}". Check the path (a relative path starts from the current folder).`,
    );
    expect(error.code).toBe("load.file-not-found");
    expect(error.location.file).toBe(missing);
  });

  test("a directory instead of a file (even one named like a CSV)", async () => {
    const directory = path.join(folder, "looks-like.csv");
    mkdirSync(directory);
    const error = await rejection(loadTable(directory));
    expect(error.message).toBe(
      `"${directory}" is a folder, not a file. Give the path of a CSV, JSON or XLSX file.`,
    );
  });

  test("empty file: 0 bytes, or only whitespace", async () => {
    for (const [name, content] of [
      ["zero.csv", ""],
      ["blank.csv", " \r\n\t\n"],
      ["zero.json", ""],
      ["blank.json", "\n  \n"],
      ["blank.jsonl", "\n\n"],
    ] as const) {
      const at = file(name, content);
      const error = await rejection(loadTable(at));
      expect(error.message, name).toBe(
        `"${at}" is empty: it has no header row and no data. Export the table again with a header row.`,
      );
    }
  });

  test("header only", async () => {
    const at = file("header.csv", "id,x,y\r\n\r\n");
    expect((await rejection(loadTable(at))).message).toBe(
      `"${at}" has a header row (3 columns) but no data rows.`,
    );
    const split = await rejection(
      parseText('{"columns": ["id"], "data": []}', {}, "json", "h.json"),
    );
    expect(split.message).toBe('"h.json" has a header row (1 column) but no data rows.');
  });

  test("unsupported extension lists the supported ones", async () => {
    const at = file("clients.parquet", "PAR1");
    const expected =
      `"${at}" has ".parquet", which segwork cannot read. Supported: .csv, .tsv, .txt, .json, .jsonl, .ndjson, .xlsx, .xlsm, .xls ` +
      "(text formats may also be gzipped, e.g. .csv.gz).";
    expect((await rejection(loadTable(at))).message).toBe(expected);
    expect(() => inputKindOf("README")).toThrow(
      '"README" has no extension, which segwork cannot read.',
    );
    expect(inputKindOf("dir.v2/Clients.TSV.GZ")).toBe("csv");
    expect(inputKindOf("a.ndjson")).toBe("jsonl");
  });
});

describe("CSV structure errors name the line", () => {
  test("a row with more fields than the header", async () => {
    const error = await rejection(parseText("id,x\n1,2\n3,4,5\n", {}, "csv", "wide.csv"));
    expect(error.message).toBe(
      '"wide.csv" line 3 has 3 fields but the header has 2. A value probably contains the delimiter (","): put that value in double quotes.',
    );
    expect(error.location.line).toBe(3);
    const tabs = await rejection(parseText("id\tx\n1\t2\t3\n", {}, "csv", "wide.tsv"));
    expect(tabs.message).toBe(
      '"wide.tsv" line 2 has 3 fields but the header has 2. A value probably contains the delimiter (tab): put that value in double quotes.',
    );
  });

  test("unbalanced quotes name the line where the quoted field opened", async () => {
    const error = await rejection(
      parseText('id,note\n1,"fine"\n2,"multi\nline"\n3,"never closed\n4,x\n', {}, "csv", "q.csv"),
    );
    expect(error.message).toBe(
      '"q.csv" line 5: a quoted field starts here and is never closed. Add the closing double quote, and write a quote inside a quoted value as two ("").',
    );
    const header = await rejection(parseText('"id,x\n1,2\n', {}, "csv", "h.csv"));
    expect(header.location.line).toBe(1);
  });

  test("duplicate header names are listed with their positions", async () => {
    const error = await rejection(parseText("id,x,y,x,id,z\n1,2,3,4,5,6\n", {}, "csv", "dup.csv"));
    expect(error.message).toBe(
      '"dup.csv" has duplicate column names: "id" (columns 1, 5); "x" (columns 2, 4). Rename them so every column has its own name.',
    );
    // Trimming can create duplicates too.
    expect((await rejection(parseText("a, a\n1,2\n"))).code).toBe("load.duplicate-headers");
  });
});

describe("column errors list the headers and suggest the closest", () => {
  test("unknown id column with a suggestion", async () => {
    const error = await rejection(
      parseText("customer_id,recency\n1,2\n", { id: "custmer_id" }, "csv", "c.csv"),
    );
    expect(error.message).toBe(
      '"c.csv" has no id column "custmer_id". Did you mean "customer_id"? Columns: "customer_id", "recency".',
    );
    expect(error.location).toMatchObject({ file: "c.csv", column: "custmer_id" });
  });

  test("unknown id column without a close header", async () => {
    const error = await rejection(parseText("a,b\n1,2\n", { id: "client" }, "csv", "c.csv"));
    expect(error.message).toBe('"c.csv" has no id column "client". Columns: "a", "b".');
  });

  test("unknown numeric and text columns; a column in both lists", async () => {
    const numeric = await rejection(
      parseText("id,Recency\n1,2\n", { numeric: ["recency"] }, "csv", "c.csv"),
    );
    expect(numeric.message).toBe(
      '"c.csv" has no numeric column "recency". Did you mean "Recency"? Columns: "id", "Recency".',
    );
    const text = await rejection(parseText("id,name\n1,2\n", { text: ["nom"] }, "csv", "c.csv"));
    expect(text.message).toBe('"c.csv" has no text column "nom". Columns: "id", "name".');
    const both = await rejection(
      parseText("id,x\n1,2\n", { numeric: ["x"], text: ["x"] }, "csv", "c.csv"),
    );
    expect(both.message).toBe(
      '"c.csv": column "x" is listed both as numeric and as text. Keep it in one list.',
    );
  });

  test("edit distance and the closeness rule", () => {
    // kitten → sitting: k→s, e→i, +g = 3.
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(closestHeader("monetry", ["recency", "monetary"])).toBe("monetary");
    expect(closestHeader("ID", ["id", "x"])).toBe("id"); // case-insensitive: distance 0
    expect(closestHeader("xyz", ["recency", "monetary"])).toBeUndefined();
  });
});

describe("JSON and option errors", () => {
  test("invalid JSON Lines names the line", async () => {
    const error = await rejection(parseText('{"a": 1}\n{"a": 2\n', {}, "jsonl", "l.jsonl"));
    expect(error.message).toBe(
      '"l.jsonl" is not valid JSON: the problem is at line 2, column 8 (near "").',
    );
  });

  test("JSON that is not a table", async () => {
    const error = await rejection(parseText('{"a": 1}', {}, "json", "o.json"));
    expect(error.message).toBe(
      '"o.json" is JSON but not a table. Use an array of records ([{"id": "1", "x": 2}, …]), {"columns": [...], "data": [[...], …]} (pandas orient="split"), or one record per line (.jsonl).',
    );
    const row = await rejection(parseText('[{"a": 1}, [2]]', {}, "json", "r.json"));
    expect(row.message).toBe(
      '"r.json" row 2 is not an object; in this layout every row must be an object.',
    );
    const long = await rejection(
      parseText('{"columns": ["a"], "data": [[1, 2]]}', {}, "json", "s.json"),
    );
    expect(long.message).toBe('"s.json" row 1 has 2 values but "columns" lists 1.');
  });

  test("invalid delimiters", async () => {
    expect((await rejection(parseText("a\n1\n", { delimiter: ";;" }))).message).toBe(
      'The delimiter ";;" is not usable: give one character (such as ";" or "|"), "tab", "whitespace" (runs of spaces and tabs) or "auto".',
    );
    expect((await rejection(parseText("a\n1\n", { delimiter: "." }))).message).toBe(
      'The delimiter "." cannot separate fields: double quotes, line breaks, digits, "." and "-" are parts of values. Choose another character.',
    );
  });

  test("corrupt gzip", async () => {
    const error = await rejection(
      parseTable(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), "x.csv.gz", "csv", {}),
    );
    expect(error.message).toBe(
      '"x.csv.gz" starts like gzip data but cannot be decompressed. The file may be truncated; download or export it again.',
    );
  });
});
