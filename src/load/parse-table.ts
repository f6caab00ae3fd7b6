/**
 * Bytes to a {@link Table}, whatever the format: the entry point that needs
 * no file system (tests, uploads, stdin).
 */
import * as loadMessages from "../shared/messages/load.js";
import { parseCsvBytes } from "./csv.js";
import { decodeText, maybeGunzip, toUtf8Bytes } from "./decode.js";
import { parseJsonText } from "./json.js";
import type { LoadOptions, Table } from "./types.js";
import { parseWorkbook } from "./xlsx.js";

/** The input formats: CSV-like text, a JSON document, JSON Lines, a spreadsheet. */
export type InputKind = "csv" | "json" | "jsonl" | "xlsx";

const KIND_OF_EXTENSION: Record<string, InputKind> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".xlsx": "xlsx",
  ".xlsm": "xlsx",
  ".xls": "xlsx",
};

/**
 * The input kind from a file name's extension (case-insensitive; a trailing
 * `.gz` is looked through).
 *
 * @throws SegworkError listing the supported extensions.
 * @example inputKindOf("data/Clients.CSV.gz") // => "csv"
 */
export function inputKindOf(path: string): InputKind {
  const name = (path.split(/[\\/]/).pop() ?? path).toLowerCase().replace(/\.gz$/, "");
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot) : "";
  const kind = KIND_OF_EXTENSION[extension];
  if (kind === undefined) throw loadMessages.unsupportedExtension(path, extension);
  return kind;
}

/**
 * Parses a whole file's bytes. Gzip and workbooks are detected by their magic
 * bytes (whatever `kind` says); text is decoded per `options.encoding`
 * (default `auto`: UTF-16 by its BOM, else UTF-8, else GB18030); then CSV,
 * JSON or XLSX parsing applies.
 *
 * @param source the file name or a label, used in messages and `table.source`.
 * @throws SegworkError for empty input and every format or column problem
 *   (see `src/shared/messages/load.ts`).
 * @example
 * const table = await parseTable(new TextEncoder().encode("id,x\n007,1.5\n"), "mem.csv", "csv", { id: "id" });
 * table.ids // => ["007"]; table.columns.x // => Float64Array [1.5]
 */
export async function parseTable(
  bytes: Uint8Array,
  source: string,
  kind: InputKind,
  options: LoadOptions = {},
): Promise<Table> {
  if (bytes.length === 0) throw loadMessages.emptyFile(source);
  const { bytes: raw, gzip } = maybeGunzip(bytes, source);
  if (kind === "xlsx" || isWorkbook(raw)) return parseWorkbook(raw, source, options, gzip);
  if (kind === "csv") {
    const { bytes: utf8, encoding } = toUtf8Bytes(raw, options.encoding ?? "auto", source);
    return parseCsvBytes(utf8, source, options, { encoding, gzip });
  }
  const { text, encoding } = decodeText(raw, options.encoding ?? "auto", source);
  return parseJsonText(text, source, kind === "jsonl", options, { encoding, gzip });
}

/**
 * Zip (XLSX) or OLE2 (XLS) magic bytes: a workbook saved under a text
 * extension (a renamed "clients.csv") is still read as a workbook.
 */
function isWorkbook(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}
