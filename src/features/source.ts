/**
 * The edges of the features stage that touch the file before DuckDB does:
 * existence, gzip and GBK decoding, the header line and its delimiter, and
 * resolving the option column names against the headers.
 *
 * The header is read here rather than by DuckDB's sniffer because the
 * sniffer, on a small file with one ragged line, silently takes a data line
 * for the header or picks another delimiter; with the columns given, DuckDB
 * instead reports the ragged line by number.
 */
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip, gunzipSync } from "node:zlib";
import * as messages from "../shared/messages/features.js";
import type { AmountExpression, TransactionSource } from "./types.js";

/** A file ready for DuckDB: its path (a decoded temporary copy for GBK) and how to clean up. */
export interface PreparedFile {
  path: string;
  /** The header line, BOM removed (empty string for an empty file). */
  headerLine: string;
  /** Whether DuckDB must gunzip it (detected from the magic bytes, not the name). */
  gzip: boolean;
  cleanup: () => void;
}

const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

function startsWithGzipMagic(file: string): boolean {
  const magic = Buffer.alloc(2);
  const descriptor = openSync(file, "r");
  try {
    readSync(descriptor, magic, 0, 2, 0);
  } finally {
    closeSync(descriptor);
  }
  return isGzip(magic);
}

/** Reads the first line of a (possibly gzipped) file without reading the whole file. */
async function readFirstLine(file: string, gzip: boolean): Promise<string> {
  const raw = createReadStream(file);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) return line.replace(/^\uFEFF/, "");
    return "";
  } finally {
    reader.close();
    raw.destroy();
  }
}

/**
 * Checks that the file exists and returns a path DuckDB can read as UTF-8,
 * with its header line. GBK files are decoded in Node into a temporary UTF-8
 * copy because DuckDB's CSV reader only knows UTF-8, UTF-16 and Latin-1.
 *
 * @throws SegworkError when the file does not exist.
 * @example
 * const file = await prepareTransactionFile("tx.csv", "utf8"); // => { path: "tx.csv", headerLine: "InvoiceNo,…", gzip: false, cleanup }
 */
export async function prepareTransactionFile(
  file: string,
  encoding: "utf8" | "gbk",
): Promise<PreparedFile> {
  if (!existsSync(file)) throw messages.transactionsNotFound(file);
  if (encoding === "utf8") {
    const gzip = startsWithGzipMagic(file);
    return { path: file, headerLine: await readFirstLine(file, gzip), gzip, cleanup: () => {} };
  }
  const raw = readFileSync(file);
  const text = new TextDecoder("gbk").decode(isGzip(raw) ? gunzipSync(raw) : raw);
  const directory = mkdtempSync(path.join(tmpdir(), "segwork-features-"));
  const decoded = path.join(directory, "transactions.csv");
  writeFileSync(decoded, text);
  const newline = text.search(/\r?\n/);
  return {
    path: decoded,
    headerLine: (newline < 0 ? text : text.slice(0, newline)).replace(/^\uFEFF/, ""),
    gzip: false,
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/**
 * Splits one CSV line into fields (RFC 4180 quotes: `"a ""b"""` → `a "b"`).
 *
 * @example
 * splitCsvLine('id,"Unit, Price"', ","); // => ["id", "Unit, Price"]
 */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/**
 * Header names as DuckDB will know them: trimmed, an empty one named
 * `column<i>` (1-based), a repeated one suffixed `_1`, `_2`, ….
 *
 * @example
 * uniqueHeaders(["id", "", "id"]); // => ["id", "column2", "id_1"]
 */
export function uniqueHeaders(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const name = raw.trim() === "" ? `column${i + 1}` : raw.trim();
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}_${count}`;
  });
}

/** Occurrences of `delimiter` outside quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  return splitCsvLine(line, delimiter).length - 1;
}

/**
 * Decides how the columns are separated and names them. `auto` picks the
 * most frequent of `,` `;` tab `|` in the header line, or `whitespace` when
 * there is none and the header has blanks between words (CDNOW).
 *
 * @throws SegworkError for a delimiter that is neither one character, `tab`, `whitespace` nor `auto`.
 * @example
 * chooseSource("cdnow.txt", " customer_id  date number_of_cds  dollar_value", "auto", false);
 * // => { kind: "whitespace", path: "cdnow.txt", headers: ["customer_id", "date", "number_of_cds", "dollar_value"], gzip: false }
 */
export function chooseSource(
  file: string,
  headerLine: string,
  delimiter = "auto",
  gzip = false,
): TransactionSource {
  const whitespace = (): TransactionSource => ({
    kind: "whitespace",
    path: file,
    headers: uniqueHeaders(headerLine.trim().split(/\s+/)),
    gzip,
  });
  const delimited = (single: string): TransactionSource => ({
    kind: "csv",
    path: file,
    delimiter: single,
    headers: uniqueHeaders(splitCsvLine(headerLine, single)),
    gzip,
  });
  if (delimiter === "whitespace") return whitespace();
  if (delimiter === "auto") {
    const counts = [",", ";", "\t", "|"].map(
      (d) => [d, countOutsideQuotes(headerLine, d)] as const,
    );
    const [best, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
    if (count > 0) return delimited(best);
    return /\S\s+\S/.test(headerLine.trim()) ? whitespace() : delimited(",");
  }
  const single = delimiter === "\\t" || delimiter === "tab" ? "\t" : delimiter;
  if ([...single].length !== 1 || single === '"' || /[\r\n]/.test(single)) {
    throw messages.badDelimiter(delimiter);
  }
  return delimited(single);
}

/**
 * Reads `--amount`: a header as written (even one containing `*`), or two
 * headers joined by `*`, quantity first and price second.
 *
 * @throws SegworkError for a malformed expression or an unknown column.
 * @example
 * resolveAmount("Quantity*UnitPrice", ["Quantity", "UnitPrice"], "tx.csv");
 * // => { kind: "product", quantity: "Quantity", price: "UnitPrice" }
 */
export function resolveAmount(
  expression: string,
  headers: string[],
  file: string,
): AmountExpression {
  const whole = expression.trim();
  if (whole === "") throw messages.badAmountExpression(expression);
  if (headers.includes(whole)) return { kind: "column", column: whole };
  const parts = whole.split("*").map((part) => part.trim());
  if (parts.length > 2 || parts.some((part) => part === "") || /[+/()]|\s-\s/.test(whole)) {
    throw messages.badAmountExpression(expression);
  }
  for (const part of parts) {
    if (!headers.includes(part)) throw messages.unknownColumn(file, "--amount", part, headers);
  }
  return parts.length === 1
    ? { kind: "column", column: parts[0] }
    : { kind: "product", quantity: parts[0], price: parts[1] };
}

/**
 * Checks that a column named by an option is a header.
 *
 * @throws SegworkError (unknown column, listing the headers).
 * @example
 * requireColumn("CustomerID", ["CustomerID"], "--id", "tx.csv"); // => "CustomerID"
 */
export function requireColumn(
  column: string,
  headers: string[],
  option: string,
  file: string,
): string {
  if (!headers.includes(column)) throw messages.unknownColumn(file, option, column, headers);
  return column;
}

/**
 * The output name of a kept column: lower case, runs of other characters
 * as `_` (`Country` → `country`, `Customer Segment` → `customer_segment`).
 *
 * @example
 * outputName("Customer Segment"); // => "customer_segment"
 */
export function outputName(header: string): string {
  const name = header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "");
  return name === "" ? "kept" : name;
}
