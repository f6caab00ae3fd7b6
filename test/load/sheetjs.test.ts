/**
 * The spreadsheet library: SheetJS 0.20.3 (`@e965/xlsx`, fixed for
 * CVE-2023-30533 in 0.19.3 and CVE-2024-22363 in 0.20.2) for segwork and,
 * through `overrides`, for danfojs-node — never the registry's `xlsx`
 * 0.18.5. Chinese sheet names and the CSV (with BOM) / XLSX round trips of
 * the segment table are read back through segwork's own loader.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { segmentTableCsv, segmentTableXlsx } from "../../src/report/segment-table.js";
import type { SegmentTableRow } from "../../src/rules/segment-table.js";
import { parseTable } from "../../src/load/index.js";
import { loadSheetJs } from "../../src/load/sheetjs.js";
import { repoRoot } from "../helpers/cli.js";
import { column } from "./helpers.js";

/** Version triples compare left to right. */
const atLeast = (version: string, minimum: string): boolean => {
  const a = version.split(".").map(Number);
  const b = minimum.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
};

describe("the spreadsheet library", () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    overrides: Record<string, string>;
  };

  it("is SheetJS ≥ 0.20.2 for segwork and for danfojs-node, never xlsx 0.18.5", async () => {
    expect(manifest.dependencies.xlsx).toBeUndefined();
    expect(manifest.dependencies["@e965/xlsx"]).toBeDefined();
    expect(manifest.overrides.xlsx).toMatch(/^npm:@e965\/xlsx@0\.20\.\d+$/);
    expect(atLeast((await loadSheetJs()).version, "0.20.2")).toBe(true);
    // danfojs-node (a devDependency here) resolves its `xlsx` to the same package.
    const danfo = createRequire(path.join(repoRoot, "node_modules/danfojs-node/package.json"));
    const entry = danfo.resolve("xlsx");
    const nested = JSON.parse(
      readFileSync(path.join(path.dirname(entry), "package.json"), "utf8"),
    ) as {
      name: string;
      version: string;
    };
    expect(nested.name).toBe("@e965/xlsx");
    expect(atLeast(nested.version, "0.20.2")).toBe(true);
  });

  it("reads a sheet with a Chinese name, by name and as the first sheet", async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ["客户编号", "姓名", "消费金额"],
      ["00123", "张三", 1280.5],
      ["00456", "李四", "99.9"],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "客户明细");
    const bytes = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
    for (const options of [{ sheet: "客户明细" }, {}]) {
      const table = await parseTable(bytes, "客户.xlsx", "xlsx", {
        ...options,
        id: "客户编号",
        text: ["姓名"],
      });
      expect(table.format.sheet).toBe("客户明细");
      expect(table.ids).toEqual(["00123", "00456"]);
      expect(table.text["姓名"]).toEqual(["张三", "李四"]);
      expect(column(table, "消费金额")).toEqual([1280.5, 99.9]);
    }
  });

  it("the segment table: CSV with a BOM and XLSX (Chinese sheet name) read back the same", async () => {
    const rows: SegmentTableRow[] = [
      {
        id: 1,
        name: "Champions",
        nameZh: "重要价值客户",
        rule: "R 4–5 · F 4–5 · M 4–5",
        description: "bought recently, often, a lot",
        clients: 12,
        share: 0.375,
        revenueShare: 0.61,
        strategy: ["reward", "early access"],
        owner: "CRM",
      },
      {
        id: 2,
        name: "Others",
        nameZh: "其他",
        rule: "no rule matches",
        description: "",
        clients: 20,
        share: 0.625,
        revenueShare: null,
        strategy: [],
        owner: "",
      },
    ];
    const csv = segmentTableCsv(rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff); // Excel opens UTF-8 Chinese text only with a BOM
    const xlsx = await segmentTableXlsx(rows, "RFM 分群");
    const options = {
      id: "segment_id",
      text: ["segment", "segment_zh", "rule", "strategy", "owner"],
      numeric: ["clients"],
    };
    const fromCsv = await parseTable(
      new TextEncoder().encode(csv),
      "segment-table.csv",
      "csv",
      options,
    );
    const fromXlsx = await parseTable(xlsx, "segment-table.xlsx", "xlsx", options);
    expect(fromXlsx.format.sheet).toBe("RFM 分群");
    expect(fromXlsx.headers).toEqual(fromCsv.headers);
    expect(fromXlsx.ids).toEqual(fromCsv.ids);
    expect(fromXlsx.text).toEqual(fromCsv.text);
    expect(column(fromXlsx, "clients")).toEqual([12, 20]);
    expect(column(fromCsv, "clients")).toEqual([12, 20]);
    expect(fromCsv.text.segment_zh).toEqual(["重要价值客户", "其他"]);
    expect(fromCsv.text.strategy).toEqual(["reward; early access", ""]);
    // Shares are numbers with a percent format in the workbook.
    const sheet = XLSX.read(xlsx, { type: "array", cellNF: true }).Sheets["RFM 分群"]!;
    expect(sheet["G2"]).toMatchObject({ t: "n", v: 0.375, z: "0.0%" });
  });
});
