/**
 * Writing the segment table (rows from `src/rules/segment-table.ts`) as CSV
 * with a byte-order mark, so Excel opens Chinese text as UTF-8, and as XLSX
 * with shares as numeric percentage cells.
 */
import type { SegmentTableRow } from "../rules/segment-table.js";
import { toCsv } from "../shared/csv.js";

/** Column headers of segment-table.csv and segment-table.xlsx, in order. */
export const SEGMENT_TABLE_HEADER = [
  "segment_id",
  "segment",
  "segment_zh",
  "rule",
  "description",
  "clients",
  "client_share",
  "revenue_share",
  "strategy",
  "owner",
] as const;

/** A share as a percentage with one decimal, as Excel shows "0.0%": 0.1234 → "12.3%". */
function percentText(share: number | null): string {
  return share === null ? "" : `${(share * 100).toFixed(1)}%`;
}

/**
 * segment-table.csv: UTF-8 with a byte-order mark, shares as percentages
 * with one decimal (Excel reads "12.3%" as a number), strategy keywords
 * joined by "; ".
 *
 * @example
 * segmentTableCsv(rows).startsWith("\uFEFFsegment_id,segment,segment_zh,") // => true
 */
export function segmentTableCsv(rows: readonly SegmentTableRow[]): string {
  return toCsv(
    [...SEGMENT_TABLE_HEADER],
    rows.map((r) => [
      r.id,
      r.name,
      r.nameZh,
      r.rule,
      r.description,
      r.clients,
      percentText(r.share),
      percentText(r.revenueShare),
      r.strategy.join("; "),
      r.owner,
    ]),
    true,
  );
}

/**
 * segment-table.xlsx: one sheet, the same columns as the CSV; shares are
 * numeric cells formatted "0.0%" so they sort and sum in Excel.
 *
 * @example
 * const bytes = await segmentTableXlsx(rows, "RFM segments");
 */
export async function segmentTableXlsx(
  rows: readonly SegmentTableRow[],
  sheetName: string,
): Promise<Uint8Array> {
  // SheetJS through the loader, imported on first use (no codepage tables are needed to write XLSX).
  const XLSX = await (await import("../load/sheetjs.js")).loadSheetJs();
  const aoa: (string | number | null)[][] = [
    [...SEGMENT_TABLE_HEADER],
    ...rows.map((r) => [
      r.id,
      r.name,
      r.nameZh,
      r.rule,
      r.description,
      r.clients,
      r.share,
      r.revenueShare,
      r.strategy.join("; "),
      r.owner,
    ]),
  ];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  for (let r = 1; r <= rows.length; r++) {
    for (const c of [6, 7]) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })];
      if (cell && cell.t === "n") cell.z = "0.0%";
    }
  }
  sheet["!cols"] = [8, 22, 14, 28, 40, 8, 10, 12, 36, 12].map((wch) => ({ wch }));
  const workbook = XLSX.utils.book_new();
  // Sheet names are at most 31 characters and may not hold : \ / ? * [ ].
  XLSX.utils.book_append_sheet(
    workbook,
    sheet,
    sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31),
  );
  const buffer = XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A file of the segment table: its name and content. */
export interface SegmentTableFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * Both segment-table files.
 *
 * @example
 * const files = await segmentTableFiles(rows, "RFM segments"); // segment-table.csv, segment-table.xlsx
 */
export async function segmentTableFiles(
  rows: readonly SegmentTableRow[],
  sheetName: string,
): Promise<SegmentTableFile[]> {
  return [
    { name: "segment-table.csv", content: segmentTableCsv(rows) },
    { name: "segment-table.xlsx", content: await segmentTableXlsx(rows, sheetName) },
  ];
}
