/**
 * Writing the segment table (rows from `src/rules/segment-table.ts`) as CSV
 * with a byte-order mark, so Excel opens Chinese text as UTF-8, and as XLSX
 * with shares as numeric percentage cells.
 */
import { UNMATCHED_RULE, type SegmentTableRow } from "../rules/segment-table.js";
import { toCsv } from "../shared/csv.js";
import type { Lang } from "./i18n/locale.js";

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

/**
 * The same columns with Chinese headers, for `--lang zh-CN` (same order, so a
 * reader by position sees the same table): "segment" keeps the English name,
 * "segment_zh" the Chinese one.
 */
export const SEGMENT_TABLE_HEADER_ZH = [
  "编号",
  "分群（英文）",
  "分群",
  "规则",
  "说明",
  "客户数",
  "客户占比",
  "收入占比",
  "运营策略",
  "负责团队",
] as const;

/** The unmatched group's rule in Chinese. */
const UNMATCHED_RULE_ZH = "以上规则均不匹配";

function headerOf(lang: Lang): string[] {
  return lang === "zh-CN" ? [...SEGMENT_TABLE_HEADER_ZH] : [...SEGMENT_TABLE_HEADER];
}

/** The rule and description cells in `lang`: zh-CN takes descriptionZh when the config has one. */
function localCells(
  row: SegmentTableRow,
  lang: Lang,
): { rule: string; description: string; strategy: string; owner: string } {
  if (lang !== "zh-CN") {
    return {
      rule: row.rule,
      description: row.description,
      strategy: row.strategy.join("; "),
      owner: row.owner,
    };
  }
  return {
    rule: row.rule === UNMATCHED_RULE ? UNMATCHED_RULE_ZH : row.rule,
    description: row.descriptionZh ?? row.description,
    strategy: (row.strategyZh ?? row.strategy).join("; "),
    owner: row.ownerZh ?? row.owner,
  };
}

/** A share as a percentage with one decimal, as Excel shows "0.0%": 0.1234 → "12.3%". */
function percentText(share: number | null): string {
  return share === null ? "" : `${(share * 100).toFixed(1)}%`;
}

/**
 * segment-table.csv: UTF-8 with a byte-order mark, shares as percentages
 * with one decimal (Excel reads "12.3%" as a number), strategy keywords
 * joined by "; ". With `lang` "zh-CN" the headers are Chinese and the
 * descriptions the configs' Chinese ones where given.
 *
 * @example
 * segmentTableCsv(rows).startsWith("\uFEFFsegment_id,segment,segment_zh,") // => true
 * segmentTableCsv(rows, "zh-CN").startsWith("\uFEFF编号,") // => true
 */
export function segmentTableCsv(rows: readonly SegmentTableRow[], lang: Lang = "en"): string {
  return toCsv(
    headerOf(lang),
    rows.map((r) => [
      r.id,
      r.name,
      r.nameZh,
      localCells(r, lang).rule,
      localCells(r, lang).description,
      r.clients,
      percentText(r.share),
      percentText(r.revenueShare),
      localCells(r, lang).strategy,
      localCells(r, lang).owner,
    ]),
    true,
  );
}

/**
 * segment-table.xlsx: one sheet, the same columns as the CSV; shares are
 * numeric cells formatted "0.0%" so they sort and sum in Excel; headers and
 * descriptions in `lang` as in {@link segmentTableCsv}.
 *
 * @example
 * const bytes = await segmentTableXlsx(rows, "RFM segments");
 */
export async function segmentTableXlsx(
  rows: readonly SegmentTableRow[],
  sheetName: string,
  lang: Lang = "en",
): Promise<Uint8Array> {
  // SheetJS through the loader, imported on first use (no codepage tables are needed to write XLSX).
  const XLSX = await (await import("../load/sheetjs.js")).loadSheetJs();
  const aoa: (string | number | null)[][] = [
    headerOf(lang),
    ...rows.map((r) => [
      r.id,
      r.name,
      r.nameZh,
      localCells(r, lang).rule,
      localCells(r, lang).description,
      r.clients,
      r.share,
      r.revenueShare,
      localCells(r, lang).strategy,
      localCells(r, lang).owner,
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
 * Both segment-table files, in `lang` (default English).
 *
 * @example
 * const files = await segmentTableFiles(rows, "RFM segments"); // segment-table.csv, segment-table.xlsx
 */
export async function segmentTableFiles(
  rows: readonly SegmentTableRow[],
  sheetName: string,
  lang: Lang = "en",
): Promise<SegmentTableFile[]> {
  return [
    { name: "segment-table.csv", content: segmentTableCsv(rows, lang) },
    { name: "segment-table.xlsx", content: await segmentTableXlsx(rows, sheetName, lang) },
  ];
}
