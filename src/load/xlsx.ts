/**
 * XLSX (and XLS) sheets to a {@link Table}, through SheetJS.
 *
 * Why SheetJS directly and not danfojs-node's `readExcel` (which wraps the
 * same SheetJS): measured on a 10,000-row sheet both read in ~150 ms, but
 * danfojs-node costs 0.8–1.4 s more to import (TensorFlow.js) and infers the
 * dtype of a text id column "00001", "00002", … as int32 (its tensor holds
 * 1, 2, …) and of a money column as float32. Reading cells ourselves keeps
 * the cell type: text stays text (leading zeros survive), numbers are
 * doubles, and a number shown with a zero-padded format ("00000") keeps its
 * displayed text as the id. SheetJS itself is imported lazily (`sheetjs.ts`).
 */
import * as loadMessages from "../shared/messages/load.js";
import { planColumns } from "./columns.js";
import { loadSheetJs } from "./sheetjs.js";
import { cellText, numberFormatOf, TableBuilder } from "./table-builder.js";
import type { LoadOptions, Table } from "./types.js";

type Cell = import("@e965/xlsx").CellObject;

/**
 * Reads one sheet: `options.sheet`, or the first. The first non-empty row is
 * the header; empty rows are skipped; `sourceLines` holds sheet row numbers.
 * Numeric columns take the cell value (text cells are parsed; `#N/A` is
 * missing); id and text columns take the text as Excel shows it, except that
 * numbers in the "General" format are written in full (no `1.23E+13`).
 *
 * @throws SegworkError for an unreadable workbook, an unknown sheet (listing
 *   the sheets), an empty sheet, a header without rows, a value to the right
 *   of the header, or unknown columns.
 * @example
 * const table = await parseWorkbook(bytes, "clients.xlsx", { id: "client_id" }, false);
 * table.format.sheet // => "Sheet1"
 */
export async function parseWorkbook(
  bytes: Uint8Array,
  source: string,
  options: LoadOptions,
  gzip: boolean,
): Promise<Table> {
  // A legacy .xls (OLE2) may be written in a Windows codepage: load the tables for it.
  const XLSX = await loadSheetJs(bytes[0] === 0xd0 && bytes[1] === 0xcf);
  let workbook: import("@e965/xlsx").WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: "array",
      cellNF: true,
      cellDates: false,
      ...(options.sheet === undefined ? { sheets: 0 } : { sheets: options.sheet }),
    });
  } catch (error) {
    throw loadMessages.unreadableWorkbook(
      source,
      error instanceof Error ? error.message : String(error),
    );
  }
  const sheetName = options.sheet ?? workbook.SheetNames[0];
  if (sheetName === undefined) throw loadMessages.emptyFile(source);
  const sheet = workbook.Sheets[sheetName];
  if (sheet === undefined) throw loadMessages.unknownSheet(source, sheetName, workbook.SheetNames);
  const ref = sheet["!ref"];
  if (ref === undefined) throw loadMessages.emptyFile(source);

  const range = XLSX.utils.decode_range(ref);
  const cellAt = (r: number, c: number): Cell | undefined =>
    sheet[XLSX.utils.encode_cell({ r, c })] as Cell | undefined;
  const isEmptyRow = (r: number): boolean => {
    for (let c = range.s.c; c <= range.e.c; c++) if (!isBlank(cellAt(r, c))) return false;
    return true;
  };

  let headerRow = range.s.r;
  while (headerRow <= range.e.r && isEmptyRow(headerRow)) headerRow++;
  if (headerRow > range.e.r) throw loadMessages.emptyFile(source);
  let lastColumn = range.e.c;
  while (lastColumn > range.s.c && isBlank(cellAt(headerRow, lastColumn))) lastColumn--;
  const headers: string[] = [];
  for (let c = range.s.c; c <= lastColumn; c++)
    headers.push(displayText(cellAt(headerRow, c)).trim());

  const dataRows: number[] = [];
  for (let r = headerRow + 1; r <= range.e.r; r++) if (!isEmptyRow(r)) dataRows.push(r);
  const plan = planColumns(source, headers, options);
  if (dataRows.length === 0) throw loadMessages.headerOnly(source, headers.length);

  const builder = new TableBuilder(source, plan, dataRows.length, numberFormatOf(options));
  dataRows.forEach((r, row) => {
    const sheetRow = r + 1;
    for (let c = lastColumn + 1; c <= range.e.c; c++) {
      if (!isBlank(cellAt(r, c))) {
        throw loadMessages.valueOutsideHeader(
          source,
          sheetName,
          XLSX.utils.encode_cell({ r, c }),
          headers.length,
        );
      }
    }
    for (let c = range.s.c; c <= lastColumn; c++) {
      const cell = cellAt(r, c);
      builder.setCell(c - range.s.c, row, sheetRow, cellValue(cell), displayText(cell));
    }
    builder.sourceLines[row] = sheetRow;
    builder.endRow(row);
  });
  return builder.finish(dataRows.length, {
    kind: "xlsx",
    encoding: "xlsx",
    sheet: sheetName,
    gzip,
  });
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || cell.t === "z" || (cell.t === "s" && String(cell.v).trim() === "");
}

/** What a numeric column receives: numbers as numbers, errors as their text (`#N/A` is then missing). */
function cellValue(cell: Cell | undefined): unknown {
  if (cell === undefined || cell.t === "z") return null;
  if (cell.t === "e") return cell.w ?? "#N/A";
  if (cell.t === "d") return cell.w ?? String(cell.v);
  return cell.v;
}

/** What an id or text column receives: the text Excel shows, numbers in "General" written in full. */
function displayText(cell: Cell | undefined): string {
  if (cell === undefined || cell.t === "z") return "";
  if (cell.t === "n" && (cell.z === undefined || cell.z === "General")) return String(cell.v);
  return cell.w ?? cellText(cell.v);
}
