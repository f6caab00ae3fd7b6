/**
 * The segment table's two files (CSV with a byte-order mark, XLSX), written
 * by the report layer, which is imported on first use (SheetJS and vega are
 * not needed by `segwork --help`).
 */
import type { SegmentTableRow } from "../rules/segment-table.js";
import type { Lang } from "../report/i18n/locale.js";
import type { OutputFile } from "./files.js";

/** Names of the segment-table files. */
export const SEGMENT_TABLE_FILES = ["segment-table.csv", "segment-table.xlsx"];

/**
 * segment-table.csv and segment-table.xlsx of these rows, with headers and
 * descriptions in `lang` (default English).
 *
 * @example
 * (await segmentTableOutputs(result.segmentTable, "RFM segments")).map((f) => f.name) // => SEGMENT_TABLE_FILES
 */
export async function segmentTableOutputs(
  rows: readonly SegmentTableRow[],
  sheetName: string,
  lang: Lang = "en",
): Promise<OutputFile[]> {
  const { segmentTableFiles } = await import("../report/segment-table.js");
  return segmentTableFiles(rows, sheetName, lang);
}
