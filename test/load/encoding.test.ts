import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { loadTable, parseTable, type Table } from "../../src/load/index.js";
import { column, fixture, rejection } from "./helpers.js";

const CHINESE_HEADERS = ["客户编号", "姓名", "最近消费天数", "消费频次", "消费金额"];
const OPTIONS = { id: "客户编号", text: ["姓名"] };

/** The three clients of make_load_fixtures.py, whatever the container. */
function expectFixtureClients(table: Table): void {
  expect(table.headers).toEqual(CHINESE_HEADERS);
  expect(table.ids).toEqual(["00123", "00456", "00789"]);
  expect(table.text["姓名"]).toEqual(["张三", "李四", "王五"]);
  expect(column(table, "最近消费天数")).toEqual([15, 120, NaN]);
  expect(column(table, "消费频次")).toEqual([3, 1, 7]);
  expect(column(table, "消费金额")).toEqual([1280.5, 99.9, 5600]);
  expect(table.issues["最近消费天数"]).toEqual({ missing: 1, nonNumeric: 0 });
}

describe("GBK / GB18030", () => {
  test("the fixture really is GBK: 客户 is BF CD BB A7", () => {
    expect(Array.from(readFileSync(fixture("clients-gbk.csv")).subarray(0, 4))).toEqual([
      0xbf, 0xcd, 0xbb, 0xa7,
    ]);
  });

  test("auto detects GBK when the bytes are not UTF-8, and Chinese headers work as column names", async () => {
    const table = await loadTable(fixture("clients-gbk.csv"), OPTIONS);
    expectFixtureClients(table);
    expect(table.format).toEqual({ kind: "csv", encoding: "gb18030", delimiter: ",", gzip: false });
    expect(Array.from(table.sourceLines)).toEqual([2, 3, 4]);
  });

  test("encoding 'gbk' forces the GBK decoder", async () => {
    const table = await loadTable(fixture("clients-gbk.csv"), { ...OPTIONS, encoding: "gbk" });
    expectFixtureClients(table);
    expect(table.format.encoding).toBe("gbk");
  });

  test("encoding 'utf8' on GBK bytes is an error that suggests gbk", async () => {
    const error = await rejection(
      loadTable(fixture("clients-gbk.csv"), { ...OPTIONS, encoding: "utf8" }),
    );
    expect(error.message).toBe(
      `"${fixture("clients-gbk.csv")}" is not valid UTF-8. If it was exported by Excel on Chinese Windows, use encoding "gbk" (or "auto").`,
    );
  });
});

describe("UTF-8 and UTF-16", () => {
  test("UTF-8 with a BOM", async () => {
    const table = await loadTable(fixture("clients-utf8-bom.csv"), OPTIONS);
    expectFixtureClients(table);
    expect(table.format.encoding).toBe("utf-8");
  });

  test("UTF-16LE with a BOM (Excel's 'Unicode text', tab-separated)", async () => {
    const text =
      "\uFEFF客户编号\t姓名\t最近消费天数\t消费频次\t消费金额\r\n00123\t张三\t15\t3\t1280.50\r\n00456\t李四\t120\t1\t99.9\r\n00789\t王五\tNA\t7\t5600\r\n";
    const table = await parseTable(Buffer.from(text, "utf16le"), "unicode.txt", "csv", OPTIONS);
    expectFixtureClients(table);
    expect(table.format.encoding).toBe("utf-16le");
    expect(table.format.delimiter).toBe("\t");
  });
});

describe("gzip", () => {
  test("a .csv.gz file is inflated", async () => {
    const table = await loadTable(fixture("clients.csv.gz"), OPTIONS);
    expectFixtureClients(table);
    expect(table.format.gzip).toBe(true);
  });

  test("gzip is detected by its magic bytes whatever the name", async () => {
    const bytes = gzipSync(Buffer.from("id,x\n1,2\n"));
    const table = await parseTable(bytes, "plain-name.csv", "csv", { id: "id" });
    expect(table.format.gzip).toBe(true);
    expect(column(table, "x")).toEqual([2]);
  });

  test("GBK inside gzip", async () => {
    const table = await parseTable(
      gzipSync(readFileSync(fixture("clients-gbk.csv"))),
      "x.csv.gz",
      "csv",
      OPTIONS,
    );
    expectFixtureClients(table);
    expect(table.format).toMatchObject({ encoding: "gb18030", gzip: true });
  });
});
