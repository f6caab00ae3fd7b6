import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import * as XLSX from "@e965/xlsx";
import { loadTable, parseTable } from "../../src/load/index.js";
import { column, rejection } from "./helpers.js";

/** A workbook with a notes sheet first and the client table second. */
function makeWorkbook(): Uint8Array {
  const notes = XLSX.utils.aoa_to_sheet([["Exported 2024-01-31"]]);
  const clients = XLSX.utils.aoa_to_sheet([
    ["client_id", "name", "recency", "spend"],
    ["00123", "Ana", 15, 1280.5], // id stored as text
    [456, "Bo", "120", "99.9"], // id as a number, numbers as text
    [], // blank row: skipped
    [789, "Cy", null, 5600],
  ]);
  clients["A3"]!.z = "00000"; // shown as 00456: the displayed text is the id
  clients["C5"] = { t: "e", v: 0x2a, w: "#N/A" };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, notes, "Notes");
  XLSX.utils.book_append_sheet(workbook, clients, "Clients");
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
}

const workbook = makeWorkbook();
const folder = mkdtempSync(path.join(tmpdir(), "segwork-load-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("XLSX", () => {
  test("a named sheet: text ids keep leading zeros, zero-padded number formats are honoured, blank rows skipped", async () => {
    const table = await parseTable(workbook, "clients.xlsx", "xlsx", {
      id: "client_id",
      text: ["name"],
      sheet: "Clients",
    });
    expect(table.format).toEqual({ kind: "xlsx", encoding: "xlsx", sheet: "Clients", gzip: false });
    expect(table.ids).toEqual(["00123", "00456", "789"]);
    expect(table.text.name).toEqual(["Ana", "Bo", "Cy"]);
    expect(column(table, "recency")).toEqual([15, 120, NaN]);
    expect(column(table, "spend")).toEqual([1280.5, 99.9, 5600]);
    expect(table.issues.recency).toEqual({ missing: 1, nonNumeric: 0 }); // the #N/A cell
    expect(Array.from(table.sourceLines)).toEqual([2, 3, 5]); // sheet rows
  });

  test("the first sheet by default, read from a file on disk", async () => {
    const file = path.join(folder, "clients.xlsx");
    writeFileSync(file, workbook);
    // The first sheet is "Notes", whose single cell is its header and which has no rows.
    const error = await rejection(loadTable(file));
    expect(error.message).toBe(`"${file}" has a header row (1 column) but no data rows.`);
    // Columns are checked before rows, so a wrong id is named first.
    const wrongId = await rejection(loadTable(file, { id: "client_id" }));
    expect(wrongId.message).toBe(
      `"${file}" has no id column "client_id". Columns: "Exported 2024-01-31".`,
    );
    const table = await loadTable(file, { sheet: "Clients", id: "client_id", text: ["name"] });
    expect(table.rowCount).toBe(3);
  });

  test("a workbook saved under a .csv name is still read as a workbook (magic bytes)", async () => {
    const table = await parseTable(workbook, "renamed.csv", "csv", {
      sheet: "Clients",
      id: "client_id",
    });
    expect(table.format.kind).toBe("xlsx");
    expect(table.ids[0]).toBe("00123");
  });

  test("an unknown sheet lists the sheets", async () => {
    const error = await rejection(
      parseTable(workbook, "clients.xlsx", "xlsx", { sheet: "clients" }),
    );
    expect(error.message).toBe(
      '"clients.xlsx" has no sheet "clients". Sheets: "Notes", "Clients".',
    );
  });

  test("a value to the right of the header is an error naming the cell", async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ["id", "x"],
      [1, 2, "stray"],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "Data");
    const bytes = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
    const error = await rejection(parseTable(bytes, "stray.xlsx", "xlsx", {}));
    expect(error.message).toBe(
      '"stray.xlsx" sheet "Data": cell C2 has a value but the header has only 2 columns. Give that column a header, or delete the stray value.',
    );
  });

  test("bytes that are not a workbook", async () => {
    const error = await rejection(
      parseTable(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "broken.xlsx", "xlsx", {}),
    );
    expect(error.message).toMatch(
      /^Cannot open "broken\.xlsx" as a spreadsheet \(.+\)\. Save it again as \.xlsx, or export it as CSV\.$/,
    );
  });
});
