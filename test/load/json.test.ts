import { describe, expect, test } from "vitest";
import { loadTable } from "../../src/load/index.js";
import { locateJsonError } from "../../src/load/json-error.js";
import { column, fixture, parseText, rejection } from "./helpers.js";

const OPTIONS = { id: "客户编号", text: ["姓名"] };

describe("JSON layouts written by pandas", () => {
  test.each([
    ["clients-records.json", "records"],
    ["clients-split.json", "split"],
    ["clients.jsonl", "lines"],
  ] as const)("%s (%s)", async (name, layout) => {
    const table = await loadTable(fixture(name), OPTIONS);
    expect(table.format).toEqual({ kind: "json", encoding: "utf-8", gzip: false, layout });
    expect(table.headers).toEqual(["客户编号", "姓名", "最近消费天数", "消费频次", "消费金额"]);
    expect(table.ids).toEqual(["00123", "00456", "00789"]);
    expect(table.text["姓名"]).toEqual(["张三", "李四", "王五"]);
    expect(column(table, "最近消费天数")).toEqual([15, 120, NaN]);
    expect(column(table, "消费金额")).toEqual([1280.5, 99.9, 5600]);
    expect(table.issues["最近消费天数"]).toEqual({ missing: 1, nonNumeric: 0 });
    expect(Array.from(table.sourceLines)).toEqual([1, 2, 3]);
  });
});

describe("JSON values", () => {
  test("numbers stay numbers, numeric strings parse, null and absent keys are missing, others are non-numeric", async () => {
    const text = JSON.stringify([
      { id: 7, x: 1.5, y: "2.5" },
      { id: "007", x: null, y: " 1e2 " },
      { id: "8", y: true },
      { id: "9", x: "N/A", y: { nested: 1 } },
    ]);
    const table = await parseText(text, { id: "id" }, "json", "mem.json");
    expect(table.ids).toEqual(["7", "007", "8", "9"]);
    expect(column(table, "x")).toEqual([1.5, NaN, NaN, NaN]);
    expect(table.issues.x).toEqual({ missing: 3, nonNumeric: 0 });
    expect(column(table, "y")).toEqual([2.5, 100, NaN, NaN]);
    expect(table.issues.y).toEqual({
      missing: 0,
      nonNumeric: 2,
      firstNonNumeric: { row: 3, line: 3, value: "true" },
    });
  });

  test("headers are the union of keys in order of first appearance", async () => {
    const table = await parseText('[{"a": 1}, {"b": 2, "a": 3}]', {}, "json", "mem.json");
    expect(table.headers).toEqual(["a", "b"]);
    expect(column(table, "b")).toEqual([NaN, 2]);
  });

  test("pandas orient='list' ({column: [values]})", async () => {
    const table = await parseText(
      '{"id": ["01", "02"], "x": [1, 2]}',
      { id: "id" },
      "json",
      "mem.json",
    );
    expect(table.format.layout).toBe("lists");
    expect(table.ids).toEqual(["01", "02"]);
    expect(column(table, "x")).toEqual([1, 2]);
  });

  test("a one-line split document with a trailing newline is not mistaken for JSON Lines", async () => {
    const table = await parseText(
      '{"columns": ["id", "x"], "data": [["01", 2]]}\n',
      { id: "id" },
      "json",
      "s.json",
    );
    expect(table.format.layout).toBe("split");
    expect(table.ids).toEqual(["01"]);
  });

  test("JSON Lines in a .json file are recognised; blank lines and CRLF are fine", async () => {
    const table = await parseText(
      '{"id": "a", "x": 1}\r\n\r\n{"id": "b", "x": 2}\r\n',
      { id: "id" },
      "json",
      "mem.json",
    );
    expect(table.format.layout).toBe("lines");
    expect(Array.from(table.sourceLines)).toEqual([1, 3]);
  });
});

describe("locateJsonError", () => {
  test("points at the first offending character (1-based line and column)", () => {
    expect(locateJsonError('{"a": 1}')).toBeUndefined();
    expect(locateJsonError('{"a": 1,\n "b": }')).toMatchObject({ line: 2, column: 7, near: "}" });
    expect(locateJsonError("[1, 2")).toMatchObject({ line: 1, column: 6, near: "" });
    expect(locateJsonError('["\\x"]')).toMatchObject({ line: 1, column: 4 });
    expect(locateJsonError("[1] [2]")).toMatchObject({ line: 1, column: 5, near: "[2]" });
    expect(locateJsonError("[01]")).toMatchObject({ line: 1, column: 3 });
  });

  test("invalid JSON names the line and column in the error", async () => {
    const error = await rejection(
      parseText('[\n {"a": 1},\n {"a": 2,}\n]', {}, "json", "bad.json"),
    );
    expect(error.message).toBe(
      '"bad.json" is not valid JSON: the problem is at line 3, column 10 (near "}").',
    );
  });
});
